package io.rightsize.devstack.service;

/** The Quarkus services of the stack, with their module directory and default port. */
public enum ServiceKind {
    MONITOR_CONSUMER("monitor-consumer", 8082),
    MONITOR_PRODUCER("monitor-producer", 8084),
    PREDICTOR("predictor", 8083),
    ORCHESTRATOR("orchestrator", 8081);

    private final String module;
    private final int defaultPort;

    ServiceKind(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
