package io.rightsize.cli.client;

import io.rightsize.client.Endpoints;
import io.rightsize.devstack.StackConfig;
import io.rightsize.devstack.service.ServiceKind;
import java.nio.file.Path;

/** The gRPC endpoints the commands talk to: the default stack's, with environment overrides. */
public final class StackEndpoints {

    private StackEndpoints() {
    }

    public static Endpoints fromEnvironment() {
        StackConfig config = StackConfig.defaults(Path.of("."), Path.of("."), System.getenv());
        return of(config);
    }

    public static Endpoints of(StackConfig config) {
        return new Endpoints("127.0.0.1:" + config.port(ServiceKind.ORCHESTRATOR),
                "127.0.0.1:" + config.port(ServiceKind.MONITOR_CONSUMER),
                "127.0.0.1:" + config.port(ServiceKind.PREDICTOR));
    }
}
