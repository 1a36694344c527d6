package io.rightsize.consumer.messaging;

import io.micrometer.core.instrument.Timer;
import io.rightsize.common.json.MalformedMessageException;
import io.rightsize.common.messaging.SampleTicks;
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
 * Stores each polled batch of records (a task's tick each, or an older JSON sample); the batch is acknowledged (and
 * its offsets committed) only once every sample in it is in PostgreSQL or in the dead-letter topic, and the tasks
 * whose last record it holds are sealed. A record that does not parse, or that PostgreSQL refuses, goes to the
 * dead-letter topic and the rest is stored; while the database is unreachable the batch waits with back-off, which
 * pauses consumption, for as long as the outage lasts.
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
    public Uni<Void> consume(List<byte[]> payloads) {
        Timer.Sample batch = metrics.batchStarted();
        List<Received> records = new ArrayList<>(payloads.size());
        List<Uni<Void>> malformed = new ArrayList<>();
        int samples = 0;
        for (byte[] payload : payloads) {
            try {
                SampleTicks.Tick tick = StorableMessages.readTick(payload == null ? new byte[0] : payload);
                records.add(new Received(payload, tick));
                samples += tick.samples().size();
            } catch (MalformedMessageException | IllegalArgumentException | NullPointerException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.warnf("malformed record sent to resources-dlq: %s", reason);
                malformed.add(deadLetter(payload == null ? new byte[0] : payload, reason, DeadLetterCause.MALFORMED));
                samples++;
            }
        }
        metrics.received(samples);
        Uni<Void> parked = malformed.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(malformed).andFailFast().replaceWithVoid();
        return parked.chain(() -> store(records))
                .invoke(stored -> {
                    LOG.debugf("stored %d samples of %d records", (Object) stored.inserted(), records.size());
                    live.stored(stored.samples());
                    metrics.stored(stored.inserted());
                })
                .chain(stored -> seal(stored.lastOf()))
                .invoke(() -> metrics.batchStored(batch));
    }

    /**
     * Stores the records' samples in one statement; if PostgreSQL refuses it for the data (the statement is all or
     * nothing), stores each half on its own, down to the single records it refuses, which are dead-lettered. A batch
     * with k refused records out of n costs about 2k·log2(n) statements; a clean batch, one.
     */
    private Uni<Stored> store(List<Received> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(Stored.NOTHING);
        }
        List<UsageSample> rows = new ArrayList<>();
        List<Long> last = new ArrayList<>();
        for (Received r : records) {
            rows.addAll(r.tick().samples());
            if (r.tick().last()) {
                last.add(r.tick().taskId());
            }
        }
        return DatabaseFailure.retryWhileTransient(store.insert(rows), () -> "storing " + rows.size() + " samples")
                .map(inserted -> new Stored(rows, inserted, last))
                .onFailure(DatabaseFailure::refusesRows).recoverWithUni(refusal -> {
                    if (records.size() == 1) {
                        String reason = DatabaseFailure.reason(refusal);
                        LOG.warnf("record of task %d sent to resources-dlq: %s", records.get(0).tick().taskId(),
                                reason);
                        return deadLetter(records.get(0).payload(), reason, DeadLetterCause.REFUSED)
                                .replaceWith(Stored.NOTHING);
                    }
                    int half = records.size() / 2;
                    return store(records.subList(0, half))
                            .chain(first -> store(records.subList(half, records.size())).map(first::plus));
                });
    }

    /**
     * Seals the tasks whose last record was stored: their earlier records were before it on the partition, so stored
     * too. A refusal is only logged; the sweeper seals the task later.
     */
    private Uni<Void> seal(List<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return DatabaseFailure.retryWhileTransient(store.seal(taskIds), () -> "sealing tasks " + taskIds)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("tasks %s not sealed, left to the sweeper: %s", taskIds, DatabaseFailure.reason(e));
                    return 0;
                })
                .replaceWithVoid();
    }

    /** The broker must take the record before the batch may be acknowledged, so sending is retried until it does. */
    private Uni<Void> deadLetter(byte[] payload, String reason, DeadLetterCause cause) {
        return deadLetters.send(payload, reason)
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10))
                .indefinitely()
                .invoke(() -> metrics.deadLettered(cause));
    }

    /** A decoded record with its bytes, which is what the dead-letter topic gets if PostgreSQL refuses it. */
    private record Received(byte[] payload, SampleTicks.Tick tick) {
    }

    /** What part of a batch was stored: the samples PostgreSQL took, how many were new rows, tasks that ended. */
    private record Stored(List<UsageSample> samples, int inserted, List<Long> lastOf) {
        static final Stored NOTHING = new Stored(List.of(), 0, List.of());

        Stored plus(Stored other) {
            List<UsageSample> all = new ArrayList<>(samples);
            all.addAll(other.samples);
            List<Long> ended = new ArrayList<>(lastOf);
            ended.addAll(other.lastOf);
            return new Stored(all, inserted + other.inserted, ended);
        }
    }
}
