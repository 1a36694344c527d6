package io.rightsize.producer.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        PublishingQueue queue = new PublishingQueue(100, sent::addAll, this::record);
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
        PublishingQueue queue = new PublishingQueue(1, tick -> {
            sending.countDown();
            awaitUninterruptibly(release);
            sent.addAll(tick);
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
        // The tick under way at the timeout is one record: it finishes its send.
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == running.size());
        assertEquals(running, sent);
        assertEquals(3 + 4 + 1, lost.size());
    }

    @Test
    void aTickThatCannotBeSentIsReportedSampleBySampleAndTheNextStillGoes() {
        List<UsageSample> failing = tick(0, 3);
        List<UsageSample> next = tick(1, 2);
        PublishingQueue queue = new PublishingQueue(10, tick -> {
            if (tick.equals(failing)) {
                throw new IllegalStateException("emitter closed");
            }
            sent.addAll(tick);
        }, this::record);

        queue.submit(failing);
        queue.submit(next);
        queue.close(Duration.ofSeconds(5));

        assertEquals(next, sent);
        failing.forEach(s -> assertEquals(Loss.SEND_FAILED, lost.get(s)));
        assertEquals("emitter closed", details.get(failing.get(1)));
    }

    @Test
    void aSendQueuedAfterTicksFollowsThem() {
        List<Object> order = new CopyOnWriteArrayList<>();
        PublishingQueue queue = new PublishingQueue(10, order::add, this::record);
        List<UsageSample> first = tick(0, 2);
        List<UsageSample> second = tick(1, 2);

        queue.submit(first);
        queue.submit(second);
        assertTrue(queue.submitAfterTicks(() -> order.add("last")));
        queue.close(Duration.ofSeconds(5));

        assertEquals(List.of(first, second, "last"), order);
        assertFalse(queue.submitAfterTicks(() -> order.add("too late")));
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
