package io.rightsize.devstack.process;

import java.time.Duration;

/**
 * What a recorded process is to the stack, in stop order: the stack process stops everything itself, services
 * must be gone before the database they write their last rows to.
 */
public enum ProcessRole {
    /** Its own shutdown stops the services (within their window), then Kafka and PostgreSQL. */
    STACK(StopSignal.TERM, Duration.ofSeconds(90)),
    /**
     * Each service's {@code quarkus.shutdown.timeout} (10 s, for open streams) plus its stop hooks: the
     * orchestrator cancels its in-flight orders, waits up to 20 s for their runners and records them. A stop
     * without open streams or running tasks takes a few seconds; only the worst case needs the whole window.
     */
    SERVICE(StopSignal.TERM, Duration.ofSeconds(40)),
    /** SIGINT is PostgreSQL's fast shutdown: SIGTERM (smart) would wait for every client to leave. */
    POSTGRES(StopSignal.INT, Duration.ofSeconds(30));

    private final StopSignal signal;
    private final Duration stopWindow;

    ProcessRole(StopSignal signal, Duration stopWindow) {
        this.signal = signal;
        this.stopWindow = stopWindow;
    }

    public StopSignal signal() {
        return signal;
    }

    public Duration stopWindow() {
        return stopWindow;
    }
}
