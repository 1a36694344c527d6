package io.rightsize.producer.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.producer.messaging.PublishingQueue.Loss;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every sample handed to the queue is either sent, in order, or reported lost with the reason: none vanishes. */
class PublishingQueueTest {

    private final List<UsageSample> sent = new CopyOnWriteArrayList<>();
    private final Map<UsageSample, Loss> lost = new ConcurrentHashMap<>();
    private final Map<UsageSample, String> details = new ConcurrentHashMap<>();

    @Test
    void sendsEveryTicksSamplesInSubmissionOrder() {
        PublishingQueue queue = new PublishingQueue(100, sent::add, this::record);
        List<List<UsageSample>> ticks = IntStream.range(0, 50).mapToObj(t -> tick(t, 4)).toList();

        ticks.forEach(queue::submit);

        assertEquals(0, queue.close(Duration.ofSeconds(5)));
        assertEquals(ticks.stream().flatMap(List::stream).toList(), sent);
        assertTrue(lost.isEmpty());
    }

    @Test
    void reportsAFullQueueAndTicksLeftAtCloseAsLostWithTheirReasons() throws InterruptedException {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PublishingQueue queue = new PublishingQueue(1, sample -> {
            sending.countDown();
            awaitUninterruptibly(release);
            sent.add(sample);
        }, this::record);
        List<UsageSample> running = tick(0, 2);
        List<UsageSample> waiting = tick(1, 3);
        List<UsageSample> refused = tick(2, 4);

        queue.submit(running);
        assertTrue(sending.await(5, TimeUnit.SECONDS));
        queue.submit(waiting);
        queue.submit(refused);
        int dropped = queue.close(Duration.ofMillis(100));
        release.countDown();
        queue.submit(tick(3, 1));

        assertEquals(3, dropped);
        waiting.forEach(s -> assertEquals(Loss.NOT_SENT_BEFORE_CLOSE, lost.get(s)));
        refused.forEach(s -> assertEquals(Loss.QUEUE_FULL, lost.get(s)));
        assertEquals(Loss.SHUT_DOWN, lost.get(tick(3, 1).get(0)));
        // The tick under way at the timeout finishes the send it was in and reports the rest.
        await().atMost(Duration.ofSeconds(5)).until(() -> lost.containsKey(running.get(1)));
        assertEquals(Loss.NOT_SENT_BEFORE_CLOSE, lost.get(running.get(1)));
        assertEquals(List.of(running.get(0)), sent);
        assertEquals(3 + 4 + 1 + 1, lost.size());
    }

    @Test
    void aSampleThatCannotBeSentIsReportedAndTheRestOfItsTickStillGoes() {
        List<UsageSample> tick = tick(0, 3);
        PublishingQueue queue = new PublishingQueue(10, sample -> {
            if (sample.equals(tick.get(1))) {
                throw new IllegalStateException("emitter closed");
            }
            sent.add(sample);
        }, this::record);

        queue.submit(tick);
        queue.close(Duration.ofSeconds(5));

        assertEquals(List.of(tick.get(0), tick.get(2)), sent);
        assertEquals(Map.of(tick.get(1), Loss.SEND_FAILED), lost);
        assertEquals("emitter closed", details.get(tick.get(1)));
    }

    private void record(UsageSample sample, Loss loss, String detail) {
        lost.put(sample, loss);
        if (detail != null) {
            details.put(sample, detail);
        }
    }

    /** {@code count} samples of one tick; equal arguments give equal samples. */
    private static List<UsageSample> tick(int second, int count) {
        return IntStream.range(0, count).mapToObj(task -> new UsageSample("order-" + second, task, "blur",
                Resource.CPU_MILLICORES, second, Instant.ofEpochSecond(second))).toList();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
