package io.rightsize.consumer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts samples through the consumer and times each batch from its poll to its commit. Received minus stored minus
 * dead-lettered is what was already stored (replays); the Kafka client's own lag meters sit next to these.
 */
@ApplicationScoped
public class ConsumerMetrics {

    private static final String TOPIC = "resources";

    private final MeterRegistry registry;
    private final Counter received;
    private final Counter stored;
    private final Map<DeadLetterCause, Counter> deadLettered = new EnumMap<>(DeadLetterCause.class);
    private final Timer batchStore;
    private final Counter liveDropped;

    public ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.received = Counter.builder("rightsize.samples.received").tag("topic", TOPIC)
                .description("Samples polled from the topic, malformed ones included").register(registry);
        this.stored = Counter.builder("rightsize.samples.stored").tag("topic", TOPIC)
                .description("Samples that became new rows (replays are not counted)").register(registry);
        for (DeadLetterCause cause : DeadLetterCause.values()) {
            deadLettered.put(cause, Counter.builder("rightsize.samples.dead.lettered").tag("topic", TOPIC)
                    .tag("reason", cause.tag())
                    .description("Samples moved to the dead-letter topic: malformed, or refused by PostgreSQL")
                    .register(registry));
        }
        this.batchStore = Timer.builder("rightsize.batch.store").tag("topic", TOPIC)
                .description("From a batch's poll to its acknowledgement, database retries included")
                .publishPercentileHistogram().register(registry);
        this.liveDropped = Counter.builder("rightsize.live.samples.dropped")
                .description("Stored samples a slow live watcher never got: its oldest, dropped for newer ones")
                .register(registry);
    }

    public void received(int samples) {
        received.increment(samples);
    }

    public void stored(int rows) {
        stored.increment(rows);
    }

    public void deadLettered(DeadLetterCause cause) {
        deadLettered.get(cause).increment();
    }

    public void liveSampleDropped() {
        liveDropped.increment();
    }

    /** Started when the batch arrives; {@link #batchStored} stops it. */
    public Timer.Sample batchStarted() {
        return Timer.start(registry);
    }

    public void batchStored(Timer.Sample batch) {
        batch.stop(batchStore);
    }
}
