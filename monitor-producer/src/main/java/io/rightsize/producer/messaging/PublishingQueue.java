package io.rightsize.producer.messaging;

import io.rightsize.common.messaging.UsageSample;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One publishing thread fed through a bounded queue of ticks, so sampler threads never wait on the Kafka emitter;
 * every sample it cannot hand over (queue full, shut down, dropped at close, or failing to send) goes to the
 * loss handler with the reason, so none disappears uncounted.
 */
final class PublishingQueue {

    /** Why a sample never reached the emitter. */
    enum Loss {
        QUEUE_FULL("the publishing queue is full (the broker is slower than the samplers)"),
        SHUT_DOWN("the producer is shutting down"),
        NOT_SENT_BEFORE_CLOSE("the producer stopped before the publishing thread reached it"),
        SEND_FAILED("it could not be handed to the emitter");

        private final String reason;

        Loss(String reason) {
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /** Receives each lost sample with the reason and, for a failed send, the exception's message. */
    interface LossHandler {
        void lost(UsageSample sample, Loss loss, String detail);
    }

    private final Consumer<List<UsageSample>> sink;
    private final LossHandler losses;
    private final ThreadPoolExecutor executor;
    /** Set when close gives up waiting: a tick that starts after it reports its samples lost instead of sending. */
    private volatile boolean abandoned;

    /**
     * @param capacity ticks that may wait for the publishing thread
     * @param sink     sends one tick's samples (one record); called on the publishing thread only, in submission order
     */
    PublishingQueue(int capacity, Consumer<List<UsageSample>> sink, LossHandler losses) {
        this.sink = sink;
        this.losses = losses;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                r -> {
                    Thread thread = new Thread(r, "sample-publisher");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Queues one tick's samples and returns at once. */
    void submit(List<UsageSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        try {
            executor.execute(new Tick(samples));
        } catch (RejectedExecutionException e) {
            Loss loss = executor.isShutdown() ? Loss.SHUT_DOWN : Loss.QUEUE_FULL;
            samples.forEach(sample -> losses.lost(sample, loss, null));
        }
    }

    /**
     * Queues a send that must follow every tick queued so far (a task's last record); false if it could not be queued.
     */
    boolean submitAfterTicks(Runnable send) {
        try {
            executor.execute(send);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * Stops taking ticks, sends what is queued within {@code timeout} and reports the rest as lost; a tick under way
     * at the timeout finishes its send (one record).
     *
     * @return the samples of queued ticks that were not sent
     */
    int close(Duration timeout) {
        executor.shutdown();
        int dropped = 0;
        try {
            if (executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        abandoned = true;
        for (Runnable pending : executor.shutdownNow()) {
            if (pending instanceof Tick tick) {
                for (UsageSample sample : tick.samples) {
                    losses.lost(sample, Loss.NOT_SENT_BEFORE_CLOSE, null);
                    dropped++;
                }
            }
        }
        return dropped;
    }

    /** One tick's samples, sent as one record and, if dropped, counted sample by sample. */
    private final class Tick implements Runnable {
        private final List<UsageSample> samples;

        Tick(List<UsageSample> samples) {
            this.samples = samples;
        }

        @Override
        public void run() {
            if (abandoned) {
                samples.forEach(sample -> losses.lost(sample, Loss.NOT_SENT_BEFORE_CLOSE, null));
                return;
            }
            try {
                sink.accept(samples);
            } catch (RuntimeException e) {
                samples.forEach(sample -> losses.lost(sample, Loss.SEND_FAILED, String.valueOf(e.getMessage())));
            }
        }
    }
}
