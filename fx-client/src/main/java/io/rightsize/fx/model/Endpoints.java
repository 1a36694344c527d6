package io.rightsize.fx.model;

/** The gRPC endpoints (HOST:PORT) the client talks to. */
public record Endpoints(String orchestrator, String monitorConsumer, String predictor) {

    public static final Endpoints DEFAULTS = new Endpoints("127.0.0.1:8081", "127.0.0.1:8082", "127.0.0.1:8083");

    public io.rightsize.cli.client.Endpoints toClient() {
        return new io.rightsize.cli.client.Endpoints(orchestrator, monitorConsumer, predictor);
    }
}
