package io.rightsize.consumer.messaging;

import io.micrometer.core.instrument.Timer;
import io.rightsize.common.json.Json;
import io.rightsize.common.json.MalformedMessageException;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.consumer.live.LiveSamples;
import io.rightsize.consumer.metrics.ConsumerMetrics;
import io.rightsize.consumer.store.SampleStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores each polled batch of samples; the batch is acknowledged (and its offsets committed) only once it is
 * in PostgreSQL. While the database is unreachable the batch is retried with back-off, which pauses consumption.
 */
@ApplicationScoped
public class SampleConsumer {

    private static final Logger LOG = Logger.getLogger(SampleConsumer.class);

    private final SampleStore store;
    private final LiveSamples live;
    private final DeadLetters deadLetters;
    private final ConsumerMetrics metrics;

    public SampleConsumer(SampleStore store, LiveSamples live, DeadLetters deadLetters, ConsumerMetrics metrics) {
        this.store = store;
        this.live = live;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    @Incoming("resources")
    public Uni<Void> consume(List<String> payloads) {
        Timer.Sample batch = metrics.batchStarted();
        metrics.received(payloads.size());
        List<UsageSample> samples = new ArrayList<>(payloads.size());
        List<Uni<Void>> refused = new ArrayList<>();
        for (String payload : payloads) {
            try {
                samples.add(Json.read(payload, UsageSample.class));
            } catch (MalformedMessageException | IllegalArgumentException | NullPointerException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.warnf("malformed sample sent to resources-dlq: %s", reason);
                refused.add(deadLetters.send(payload == null ? "" : payload, reason).invoke(metrics::deadLettered));
            }
        }
        Uni<Void> parked = refused.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(refused).andFailFast().replaceWithVoid()
                        .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely();
        return parked.chain(() -> store.insert(samples))
                .onFailure().invoke(e -> LOG.warnf("storing %d samples failed, retrying: %s", samples.size(),
                        e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .invoke(inserted -> {
                    LOG.debugf("stored %d of %d samples", (Object) inserted, samples.size());
                    live.stored(samples);
                    metrics.stored(inserted);
                    metrics.batchStored(batch);
                })
                .replaceWithVoid();
    }
}
