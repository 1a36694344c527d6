package io.rightsize.producer.messaging;

import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.SamplingGap;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.producer.metrics.ProducerMetrics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/** Publishes samples on the {@code resources} topic and sampling gaps on {@code sampling-gaps}, keyed by order/task. */
@ApplicationScoped
public class SamplePublisher {

    private static final Logger LOG = Logger.getLogger(SamplePublisher.class);

    private final MutinyEmitter<String> emitter;
    private final MutinyEmitter<String> gaps;
    private final AtomicLong failed = new AtomicLong();
    /** When the last "samples lost" line was written: one line per 10 s while the bound is hit, not one per sample. */
    private final AtomicLong lastReport = new AtomicLong();
    private final ProducerMetrics metrics;

    public SamplePublisher(@Channel("resources") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 100_000)
                           MutinyEmitter<String> emitter,
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

    public void publish(UsageSample sample) {
        Message<String> message = Message.of(Json.write(sample))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(sample.key()).build());
        emitter.sendMessage(message).subscribe().with(ok -> metrics.published(), failure -> {
            metrics.failed();
            long count = failed.incrementAndGet();
            long now = System.currentTimeMillis();
            long last = lastReport.get();
            if (now - last >= 10_000 && lastReport.compareAndSet(last, now)) {
                LOG.errorf("samples are being lost: the broker is unreachable and the buffers are full (%d lost so"
                        + " far, rightsize_samples_published_total{outcome=\"failed\"}); last: task %d, %s", count,
                        sample.taskId(), failure.getMessage());
            }
        });
    }
}
