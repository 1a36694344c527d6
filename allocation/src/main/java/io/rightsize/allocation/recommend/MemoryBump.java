package io.rightsize.allocation.recommend;

/** VPA's reaction to an OOM kill: the next memory limit is the larger of +100 MiB and x1.2. */
public final class MemoryBump {

    private static final long MIN_BUMP_BYTES = 100L * 1024 * 1024;
    private static final double RATIO = 1.2;

    private MemoryBump() {
    }

    /** The memory limit to use after a task was OOM-killed at {@code memoryLimitBytes} (rounded up). */
    public static long afterOom(long memoryLimitBytes) {
        if (memoryLimitBytes <= 0) {
            throw new IllegalArgumentException("memory limit must be positive, got " + memoryLimitBytes);
        }
        return Math.max(Math.addExact(memoryLimitBytes, MIN_BUMP_BYTES), (long) Math.ceil(memoryLimitBytes * RATIO));
    }
}
