package io.rightsize.producer.messaging;

import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.SampleTicks;
import io.rightsize.common.messaging.SamplingGap;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.producer.metrics.ProducerMetrics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes samples on the {@code resources} topic, one record per task and tick, and sampling gaps on
 * {@code sampling-gaps}, keyed by order/task.
 */
@ApplicationScoped
public class SamplePublisher {

    private static final Logger LOG = Logger.getLogger(SamplePublisher.class);

    private final MutinyEmitter<byte[]> emitter;
    private final MutinyEmitter<String> gaps;
    private final AtomicLong failed = new AtomicLong();
    /** When the last "samples lost" line was written: one line per 10 s while the bound is hit, not one per sample. */
    private final AtomicLong lastReport = new AtomicLong();
    private final ProducerMetrics metrics;
    /** Ticks waiting for the publishing thread: 20,000 ticks is 20 s of 1,000 tasks. */
    private final PublishingQueue publishing = new PublishingQueue(20_000, this::sendTick,
            (sample, loss, detail) -> lost(sample, detail == null ? loss.reason() : loss.reason() + ": " + detail));

    public SamplePublisher(@Channel("resources") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 100_000)
                           MutinyEmitter<byte[]> emitter,
                           @Channel("sampling-gaps") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
                           MutinyEmitter<String> gaps, ProducerMetrics metrics) {
        this.emitter = emitter;
        this.gaps = gaps;
        this.metrics = metrics;
    }

    public void publish(SamplingGap gap) {
        Message<String> message = Message.of(Json.write(gap))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(gap.key()).build());
        gaps.sendMessage(message).subscribe().with(ok -> metrics.gapPublished(), failure ->
                LOG.errorf("sampling gap of task %d not published: %s", gap.taskId(), failure.getMessage()));
    }

    /**
     * Hands one tick's samples to the publishing thread and returns at once: sampler threads never wait for the
     * emitter, whose lock serialises every send (while one sampler held it, the others' ticks slipped by up to 90 ms
     * in a JFR recording of 200 tasks). One thread keeps each task's samples in order.
     */
    public void publishLater(List<UsageSample> samples) {
        publishing.submit(samples);
    }

    /**
     * After the samplers' last tick (they stop first, see {@code SamplingScheduler}) and before the emitter closes,
     * which flushes what it was handed to Kafka on its own shutdown.
     */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) ShutdownEvent event) {
        int dropped = publishing.close(Duration.ofSeconds(5));
        if (dropped > 0) {
            LOG.warnf("%d samples not handed to Kafka before shutdown", dropped);
        }
    }

    /** Sends one tick as one record (see {@link SampleTicks}); on the publishing thread. */
    void sendTick(List<UsageSample> tick) {
        Message<byte[]> message = Message.of(SampleTicks.encode(tick))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(tick.get(0).key()).build());
        emitter.sendMessage(message).subscribe().with(ok -> metrics.published(tick.size()),
                failure -> tick.forEach(sample -> lost(sample, "the broker did not take it: " + failure.getMessage())));
    }

    /**
     * Publishes the task's last record after every tick handed over so far: once the consumer stores it, the task's
     * samples are complete and its statistics are kept. Not published, the task is sealed later by the consumer's
     * sweeper.
     */
    public void publishLast(TaskEvent task) {
        boolean queued = publishing.submitAfterTicks(() -> {
            Message<byte[]> message = Message.of(SampleTicks.encodeLast(task.orderId(), task.taskId(), task.service(),
                            Instant.now()))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(task.key()).build());
            emitter.sendMessage(message).subscribe().with(ok -> { }, failure -> LOG.warnf(
                    "last record of task %d not published: %s", task.taskId(), failure.getMessage()));
        });
        if (!queued) {
            LOG.debugf("last record of task %d not queued (shutting down or queue full)", task.taskId());
        }
    }

    private void lost(UsageSample sample, String why) {
        metrics.failed();
        long count = failed.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastReport.get();
        if (now - last >= 10_000 && lastReport.compareAndSet(last, now)) {
            LOG.errorf("samples are being lost (%d so far, rightsize_samples_published_total{outcome=\"failed\"});"
                    + " last: task %d, because %s", count, sample.taskId(), why);
        }
    }
}
