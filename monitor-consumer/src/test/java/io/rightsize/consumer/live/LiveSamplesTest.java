package io.rightsize.consumer.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.consumer.metrics.ConsumerMetrics;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A watcher that falls behind loses its own oldest samples, counted; it never fails, nor slows anyone else. */
class LiveSamplesTest {

    private static final int EXTRA = 7;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LiveSamples live = new LiveSamples(new ConsumerMetrics(registry));

    @Test
    void aSlowWatcherLosesItsOwnOldestSamplesAndAFastOneGetsThemAll() {
        Watcher slow = new Watcher(0);
        Watcher fast = new Watcher(Long.MAX_VALUE);
        live.watch("", 0).subscribe().withSubscriber(slow);
        live.watch("", 0).subscribe().withSubscriber(fast);

        int total = LiveSamples.BUFFERED_PER_WATCHER + EXTRA;
        live.stored(IntStream.range(0, total).mapToObj(LiveSamplesTest::sample).toList());
        slow.subscription.request(Long.MAX_VALUE);

        assertEquals(total, fast.values.size());
        assertEquals(LiveSamples.BUFFERED_PER_WATCHER, slow.values.size());
        assertEquals(EXTRA, slow.values.get(0), "the oldest went");
        assertEquals(total - 1, slow.values.get(slow.values.size() - 1), "the newest stayed");
        assertNull(slow.failure);
        assertEquals(EXTRA, registry.get("rightsize.live.samples.dropped").counter().count());

        live.stored(List.of(sample(total)));
        assertEquals(total, slow.values.get(slow.values.size() - 1), "still watching");
    }

    @Test
    void aWatcherThatLeavesIsNoLongerFed() {
        Watcher leaving = new Watcher(0);
        live.watch("", 0).subscribe().withSubscriber(leaving);
        leaving.subscription.cancel();

        live.stored(IntStream.range(0, LiveSamples.BUFFERED_PER_WATCHER + EXTRA)
                .mapToObj(LiveSamplesTest::sample).toList());

        assertEquals(0, registry.get("rightsize.live.samples.dropped").counter().count(), "nothing buffered for it");
    }

    private static UsageSample sample(int i) {
        return new UsageSample("order-1", 1, "blur", Resource.CPU_MILLICORES, i, Instant.ofEpochSecond(1_800_000_000L + i));
    }

    /** Records what it gets; requests {@code initial} samples up front and more only when the test says. */
    private static final class Watcher implements Flow.Subscriber<UsageSample> {
        private final long initial;
        private final List<Integer> values = new CopyOnWriteArrayList<>();
        private Flow.Subscription subscription;
        private Throwable failure;

        Watcher(long initial) {
            this.initial = initial;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (initial > 0) {
                subscription.request(initial);
            }
        }

        @Override
        public void onNext(UsageSample item) {
            values.add((int) item.value());
        }

        @Override
        public void onError(Throwable throwable) {
            failure = throwable;
        }

        @Override
        public void onComplete() {
        }
    }
}
