package io.rightsize.orchestrator;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Room for one task at a time: a 1-CPU task capacity and every task the default 600m request (no service ever has
 * enough history to leave the default), under kernel enforcement where this machine allows it.
 */
public class CapacityProfile implements QuarkusTestProfile {

    static final long CPU_REQUEST_MILLICORES = 600;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "rightsize.orchestrator.capacity.cpu", "1",
                "rightsize.orchestrator.capacity.memory", "4Gi",
                "rightsize.allocation.default-allocation.cpu-request-millicores",
                Long.toString(CPU_REQUEST_MILLICORES),
                "rightsize.allocation.default-allocation.cpu-limit-millicores", "1000",
                "rightsize.allocation.min-history-runs", "1000000",
                "rightsize.orchestrator.enforcement", "auto");
    }
}
