package io.rightsize.consumer.live;

import io.rightsize.common.messaging.UsageSample;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Fans stored samples out to live watchers; a slow watcher loses its own oldest samples, never blocks storage. */
@ApplicationScoped
public class LiveSamples {

    private final BroadcastProcessor<UsageSample> processor = BroadcastProcessor.create();

    /** Synchronized: two consumer copies store batches at once, and a processor must not see concurrent onNext. */
    public synchronized void stored(List<UsageSample> samples) {
        samples.forEach(processor::onNext);
    }

    /** Samples of one order (all orders when empty), optionally of one task (all when 0). */
    public Multi<UsageSample> watch(String orderId, long taskId) {
        return processor
                .filter(s -> orderId.isEmpty() || s.orderId().equals(orderId))
                .filter(s -> taskId == 0 || s.taskId() == taskId)
                .onOverflow().buffer(10_000);
    }
}
