package io.rightsize.allocation.policy;

/**
 * How a task's JVM divides its memory limit, wherever it runs: the heap gets {@value #SHARE_PERCENT}% (-Xmx
 * locally, -XX:MaxRAMPercentage in a container), the rest is the JVM's own. A task runs out of memory when its heap
 * does, so a limit for a known heap need is that need over the share.
 */
public final class TaskHeap {

    public static final int SHARE_PERCENT = 75;

    private TaskHeap() {
    }

    /** The heap a task gets under {@code memoryLimitBytes}. */
    public static long heapBytes(long memoryLimitBytes) {
        return memoryLimitBytes / 100 * SHARE_PERCENT;
    }

    /** The limit whose heap holds {@code heapBytes}, beside {@code fixedBytes} the JVM needs whatever the heap. */
    public static double limitFor(double fixedBytes, double heapBytes) {
        return fixedBytes + heapBytes * 100 / SHARE_PERCENT;
    }
}
