package io.rightsize.cli.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.rightsize.client.Endpoints;
import java.util.function.Function;

/** The stack's services as a command reaches them, so a failed call says which one and what to do, not a transport code. */
public enum StackService {
    ORCHESTRATOR("orchestrator", Endpoints::orchestrator),
    MONITOR_CONSUMER("monitor-consumer", Endpoints::monitorConsumer),
    PREDICTOR("predictor", Endpoints::predictor);

    private final String name;
    private final Function<Endpoints, String> endpoint;

    StackService(String name, Function<Endpoints, String> endpoint) {
        this.name = name;
        this.endpoint = endpoint;
    }

    /** One line for a failed call to this service at its endpoint among {@code endpoints}. */
    public String explain(StatusRuntimeException e, Endpoints endpoints) {
        String at = endpoint.apply(endpoints);
        Status.Code code = e.getStatus().getCode();
        return switch (code) {
            case UNAVAILABLE -> "no " + name + " at " + at + ": start the stack with ./rightsize up, or pass --" + name
                    + " HOST:PORT";
            case DEADLINE_EXCEEDED -> "the " + name + " at " + at + " did not answer in time";
            default -> name + " at " + at + " refused (" + code + "): " + e.getStatus().getDescription();
        };
    }
}
