package io.rightsize.orchestrator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.rightsize.orchestrator.domain.OrderState;
import io.rightsize.orchestrator.domain.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts orders and tasks through the executor: submitted, running now, ended by state. Refused orders never reach
 * the executor; they show in the gRPC server meters ({@code grpc_server_*} with method SubmitOrder and their status).
 * Created at start-up so the meters are listed, at zero, before the first order.
 */
@Startup
@ApplicationScoped
public class OrchestratorMetrics {

    private final MeterRegistry registry;
    private final Counter submitted;
    private final AtomicInteger running = new AtomicInteger();

    public OrchestratorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.submitted = Counter.builder("rightsize.orders.submitted").description("Orders accepted and queued")
                .register(registry);
        Gauge.builder("rightsize.orders.running", running, AtomicInteger::get)
                .description("Orders a runner thread is working on").register(registry);
    }

    public void orderSubmitted() {
        submitted.increment();
    }

    /** A runner thread took the order; {@link #orderLeft} follows however the run ends. */
    public void orderTaken() {
        running.incrementAndGet();
    }

    public void orderLeft() {
        running.decrementAndGet();
    }

    public void orderEnded(OrderState state) {
        Counter.builder("rightsize.orders.ended").tag("state", state.name()).description("Orders ended, by state")
                .register(registry).increment();
    }

    public void taskStarted(String service) {
        Counter.builder("rightsize.tasks.started").tag("service", service).description("Task processes started")
                .register(registry).increment();
    }

    public void taskEnded(String service, TaskState state) {
        Counter.builder("rightsize.tasks.ended").tag("service", service).tag("state", state.name())
                .description("Tasks ended, by state (a task that could not start is FAILED)").register(registry)
                .increment();
    }
}
