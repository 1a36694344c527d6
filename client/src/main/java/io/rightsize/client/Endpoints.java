package io.rightsize.client;

/** The gRPC endpoints (HOST:PORT) of the orchestrator, the monitor-consumer and the predictor. */
public record Endpoints(String orchestrator, String monitorConsumer, String predictor) {
}
