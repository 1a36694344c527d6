package io.rightsize.cli.client;

import io.rightsize.client.Endpoints;
import picocli.CommandLine.Option;

/** --orchestrator, --monitor-consumer and --predictor options; default to the stack's endpoints (with env overrides). */
public class EndpointOptions {

    @Option(names = "--orchestrator", paramLabel = "HOST:PORT", description = "Orchestrator gRPC endpoint.")
    String orchestrator;

    @Option(names = "--monitor-consumer", paramLabel = "HOST:PORT", description = "Monitor-consumer gRPC endpoint.")
    String monitorConsumer;

    @Option(names = "--predictor", paramLabel = "HOST:PORT", description = "Predictor gRPC endpoint.")
    String predictor;

    public Endpoints endpoints() {
        Endpoints defaults = StackEndpoints.fromEnvironment();
        return new Endpoints(orchestrator != null ? orchestrator : defaults.orchestrator(),
                monitorConsumer != null ? monitorConsumer : defaults.monitorConsumer(),
                predictor != null ? predictor : defaults.predictor());
    }
}
