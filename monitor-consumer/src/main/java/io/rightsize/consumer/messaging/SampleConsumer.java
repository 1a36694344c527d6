package io.rightsize.consumer.messaging;

import io.micrometer.core.instrument.Timer;
import io.rightsize.common.json.MalformedMessageException;
import io.rightsize.common.messaging.StorableMessages;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.consumer.live.LiveSamples;
import io.rightsize.consumer.metrics.ConsumerMetrics;
import io.rightsize.consumer.metrics.DeadLetterCause;
import io.rightsize.consumer.store.DatabaseFailure;
import io.rightsize.consumer.store.SampleStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores each polled batch of samples; the batch is acknowledged (and its offsets committed) only once every sample
 * in it is in PostgreSQL or in the dead-letter topic. A sample that does not parse, or that PostgreSQL refuses, goes
 * to the dead-letter topic and the rest is stored; while the database is unreachable the batch waits with back-off,
 * which pauses consumption, for as long as the outage lasts.
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
        List<Received> samples = new ArrayList<>(payloads.size());
        List<Uni<Void>> malformed = new ArrayList<>();
        for (String payload : payloads) {
            try {
                samples.add(new Received(payload, StorableMessages.readSample(payload)));
            } catch (MalformedMessageException | IllegalArgumentException | NullPointerException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.warnf("malformed sample sent to resources-dlq: %s", reason);
                malformed.add(deadLetter(payload == null ? "" : payload, reason, DeadLetterCause.MALFORMED));
            }
        }
        Uni<Void> parked = malformed.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(malformed).andFailFast().replaceWithVoid();
        return parked.chain(() -> store(samples))
                .invoke(stored -> {
                    LOG.debugf("stored %d of %d samples", (Object) stored.inserted(), samples.size());
                    live.stored(stored.samples());
                    metrics.stored(stored.inserted());
                    metrics.batchStored(batch);
                })
                .replaceWithVoid();
    }

    /**
     * Stores the samples in one statement; if PostgreSQL refuses it for the data (the statement is all or nothing),
     * stores each half on its own, down to the single samples it refuses, which are dead-lettered. A batch with k
     * refused samples out of n costs about 2k·log2(n) statements; a clean batch, one.
     */
    private Uni<Stored> store(List<Received> samples) {
        if (samples.isEmpty()) {
            return Uni.createFrom().item(Stored.NOTHING);
        }
        List<UsageSample> rows = samples.stream().map(Received::sample).toList();
        return DatabaseFailure.retryWhileTransient(store.insert(rows), () -> "storing " + rows.size() + " samples")
                .map(inserted -> new Stored(rows, inserted))
                .onFailure(DatabaseFailure::refusesRows).recoverWithUni(refusal -> {
                    if (samples.size() == 1) {
                        String reason = DatabaseFailure.reason(refusal);
                        LOG.warnf("sample of task %d sent to resources-dlq: %s", rows.get(0).taskId(), reason);
                        return deadLetter(samples.get(0).payload(), reason, DeadLetterCause.REFUSED)
                                .replaceWith(Stored.NOTHING);
                    }
                    int half = samples.size() / 2;
                    return store(samples.subList(0, half))
                            .chain(first -> store(samples.subList(half, samples.size())).map(first::plus));
                });
    }

    /** The broker must take the record before the batch may be acknowledged, so sending is retried until it does. */
    private Uni<Void> deadLetter(String payload, String reason, DeadLetterCause cause) {
        return deadLetters.send(payload, reason)
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10))
                .indefinitely()
                .invoke(() -> metrics.deadLettered(cause));
    }

    /** A sample with the record it came in, which is what the dead-letter topic gets if PostgreSQL refuses it. */
    private record Received(String payload, UsageSample sample) {
    }

    /** What part of a batch was stored: the samples PostgreSQL took and how many of them were new rows. */
    private record Stored(List<UsageSample> samples, int inserted) {
        static final Stored NOTHING = new Stored(List.of(), 0);

        Stored plus(Stored other) {
            List<UsageSample> all = new ArrayList<>(samples);
            all.addAll(other.samples);
            return new Stored(all, inserted + other.inserted);
        }
    }
}
