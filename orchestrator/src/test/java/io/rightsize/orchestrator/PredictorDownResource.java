package io.rightsize.orchestrator;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rightsize.devstack.FreePorts;
import java.util.Map;

/**
 * Points the orchestrator's predictor client at a free port nothing listens on, so every Recommend is refused at
 * once, as when the predictor is down. In tests Quarkus would otherwise aim the client at the tested service itself.
 */
public class PredictorDownResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.grpc.clients.predictor.test-port", Integer.toString(FreePorts.find()));
    }

    @Override
    public void stop() {
    }
}
