package io.rightsize.allocation.policy;

import io.rightsize.allocation.recommend.MemoryBump;
import java.util.OptionalLong;

/**
 * The memory limit of the next attempt of a task that was OOM-killed. The kill showed the task needs more than the
 * limit it reached; the size model may know how much more. Each attempt before the last gets the most of VPA's bump,
 * that estimate and twice the killed limit; the last attempt gets the maximum, so a task that fits the maximum never
 * fails for memory, while one that needed a little more is not handed the whole machine at once.
 *
 * @param attempts how many times a task may run in all, at least 1 (1: never retried)
 */
public record MemoryRetries(int attempts) {

    public static final int DEFAULT_ATTEMPTS = 3;

    public MemoryRetries {
        if (attempts < 1) {
            throw new IllegalArgumentException("a task runs at least once, not " + attempts + " times");
        }
    }

    /**
     * The limit for attempt {@code attemptsMade + 1}, or empty when no attempt is left or the killed one already
     * had the maximum.
     *
     * @param killedLimit   the limit the last attempt was killed at
     * @param estimateBytes what the size model estimates the task needs; 0 when it has no estimate
     * @param attemptsMade  attempts so far, the killed one included
     */
    public OptionalLong next(long killedLimit, long estimateBytes, long maxBytes, int attemptsMade) {
        int left = attempts - attemptsMade;
        if (left <= 0 || killedLimit >= maxBytes) {
            return OptionalLong.empty();
        }
        long next = left == 1 ? maxBytes : Math.max(MemoryBump.afterOom(killedLimit),
                Math.max(estimateBytes, 2 * killedLimit));
        return OptionalLong.of(Math.min(maxBytes, next));
    }
}
