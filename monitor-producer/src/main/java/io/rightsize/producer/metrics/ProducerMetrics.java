package io.rightsize.producer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Counts samples by publishing outcome (a failure is a sample the broker never got) and sampling gaps, and gauges
 * how many tasks are being sampled. Created at start-up so every meter is listed, at zero, before the first task.
 */
@Startup
@ApplicationScoped
public class ProducerMetrics {

    private final MeterRegistry registry;
    private final Counter published;
    private final Counter failed;
    private final Counter gaps;
    /** The sampler is created with the first task event; until then no task is sampled. */
    private final AtomicReference<Supplier<Number>> sampledTasks = new AtomicReference<>(() -> 0);

    public ProducerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.published = samples("ok");
        this.failed = samples("failed");
        this.gaps = Counter.builder("rightsize.sampling.gaps.published").tag("topic", "sampling-gaps")
                .description("Windows recorded as not sampled").register(registry);
        Gauge.builder("rightsize.tasks.sampled", () -> sampledTasks.get().get())
                .description("Tasks being sampled by this instance").strongReference(true).register(registry);
    }

    public void published(int samples) {
        published.increment(samples);
    }

    public void failed() {
        failed.increment();
    }

    public void gapPublished() {
        gaps.increment();
    }

    /** The sampler calls this once, when created, with its own count of followed tasks. */
    public void sampledTasks(Supplier<Number> count) {
        sampledTasks.set(count);
    }

    private Counter samples(String outcome) {
        return Counter.builder("rightsize.samples.published").tag("topic", "resources").tag("outcome", outcome)
                .description("Samples handed to the broker, by whether it acknowledged them").register(registry);
    }
}
