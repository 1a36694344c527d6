package io.rightsize.orchestrator;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * Tracing switched on as a user would ({@code quarkus.otel.sdk.disabled=false}), finished spans kept in memory
 * ({@link InMemorySpans}) instead of sent to a collector nobody runs here.
 */
public class TracingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.enabled", "false");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(InMemorySpans.class);
    }
}
