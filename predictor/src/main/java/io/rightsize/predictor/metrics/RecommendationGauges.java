package io.rightsize.predictor.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.rightsize.common.messaging.Allocation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The last allocation Recommend gave each service, as the gauges {@code rightsize_recommendation{service, resource,
 * bound}} (resource {@code cpu} in cores or {@code memory} in bytes, bound {@code request} or {@code limit}), so a
 * Prometheus and a Grafana panel see recommendations beside usage, as they see VPA's.
 */
@ApplicationScoped
public class RecommendationGauges {

    static final String NAME = "rightsize.recommendation";

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Allocation>> latest = new ConcurrentHashMap<>();

    public RecommendationGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records what a service was just recommended; its four gauges appear the first time. */
    public void record(String service, Allocation allocation) {
        latest.computeIfAbsent(service, s -> {
            AtomicReference<Allocation> held = new AtomicReference<>(allocation);
            gauge(s, "cpu", "request", held, a -> a.cpuRequestMillicores() / 1000.0);
            gauge(s, "cpu", "limit", held, a -> a.cpuLimitMillicores() / 1000.0);
            gauge(s, "memory", "request", held, a -> a.memoryRequestBytes());
            gauge(s, "memory", "limit", held, a -> a.memoryLimitBytes());
            return held;
        }).set(allocation);
    }

    private void gauge(String service, String resource, String bound, AtomicReference<Allocation> held,
                       ToDoubleFunction<Allocation> value) {
        Gauge.builder(NAME, held, h -> value.applyAsDouble(h.get()))
                .tag("service", service).tag("resource", resource).tag("bound", bound)
                .description("The last allocation Recommend gave the service: CPU in cores, memory in bytes")
                .strongReference(true).register(registry);
    }
}
