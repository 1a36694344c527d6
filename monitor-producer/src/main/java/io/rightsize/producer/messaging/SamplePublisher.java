package io.rightsize.producer.messaging;

import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.SamplingGap;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.producer.metrics.ProducerMetrics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
    /** Ticks waiting for the publishing thread: 20,000 ticks is 20 s of 1,000 tasks. */
    private final ExecutorService publishing = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(20_000), r -> {
                Thread thread = new Thread(r, "sample-publisher");
                thread.setDaemon(true);
                return thread;
            });

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

    /**
     * Hands one tick's samples to the publishing thread and returns at once: sampler threads never wait for the
     * emitter, whose lock serialises every send (while one sampler held it, the others' ticks slipped by up to 90 ms
     * in a JFR recording of 200 tasks). One thread keeps each task's samples in order. When the hand-off queue is
     * full the samples are counted and reported as lost, as when the emitter's own buffer is.
     */
    public void publishLater(List<UsageSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        try {
            publishing.execute(() -> samples.forEach(this::publish));
        } catch (RejectedExecutionException e) {
            samples.forEach(sample -> lost(sample, "the publishing queue is full or shut down"));
        }
    }

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        // Whatever was sampled before the stop is still sent; the emitter flushes it to Kafka on its own shutdown.
        publishing.shutdown();
        try {
            if (!publishing.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warnf("%d ticks of samples not handed to Kafka before shutdown", publishing.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void publish(UsageSample sample) {
        Message<String> message = Message.of(Json.write(sample))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(sample.key()).build());
        emitter.sendMessage(message).subscribe().with(ok -> metrics.published(),
                failure -> lost(sample, failure.getMessage()));
    }

    private void lost(UsageSample sample, String why) {
        metrics.failed();
        long count = failed.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastReport.get();
        if (now - last >= 10_000 && lastReport.compareAndSet(last, now)) {
            LOG.errorf("samples are being lost: the broker is unreachable and the buffers are full (%d lost so"
                    + " far, rightsize_samples_published_total{outcome=\"failed\"}); last: task %d, %s", count,
                    sample.taskId(), why);
        }
    }
}
