package io.rightsize.allocation.recommend.vpa;

import io.rightsize.allocation.recommend.MemoryBump;

/**
 * VPA's memory aggregation for one container ({@code model/container.go}, addMemorySample and RecordOOM): memory is
 * judged by its peak per interval, so each interval puts one sample, its largest, into the histogram, stamped at the
 * interval's end; an OOM kill enters as a bumped peak. Samples and kills must come in time order. Filled once per
 * recommendation, then read; not shared.
 */
final class MemoryPeaks {

    private final DecayingHistogram histogram;
    private final long intervalSeconds;
    /** The end (exclusive) of the current interval; the first sample's time starts the first interval. */
    private long windowEnd;
    private boolean started;
    /** The current interval's largest usage sample, and the largest OOM-bumped one, in bytes (0: none). */
    private double memoryPeak;
    private double oomPeak;

    MemoryPeaks(DecayingHistogram histogram, long intervalSeconds) {
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("interval must be at least a second, got " + intervalSeconds);
        }
        this.histogram = histogram;
        this.intervalSeconds = intervalSeconds;
    }

    void addSample(long timeSeconds, double bytes) {
        add(timeSeconds, bytes, false);
    }

    /**
     * An OOM kill of a container whose memory request was {@code requestBytes}: a peak of MemoryBump's max(+100 MiB,
     * x1.2) over the larger of the request and the interval's usage peak (RecordOOM leaves out earlier OOM peaks, so
     * repeated kills do not compound).
     */
    void addOom(long timeSeconds, double requestBytes) {
        long used = (long) Math.max(requestBytes, memoryPeak);
        add(timeSeconds, MemoryBump.afterOom(used), true);
    }

    /** The current interval's peak, OOM-bumped or not (GetMaxMemoryPeak). */
    double currentPeak() {
        return Math.max(memoryPeak, oomPeak);
    }

    private void add(long timeSeconds, double bytes, boolean oom) {
        if (!started) {
            windowEnd = timeSeconds;
            started = true;
        }
        boolean addNewPeak = false;
        if (timeSeconds < windowEnd) {
            double oldPeak = currentPeak();
            // As container.go: an interval whose first peak was 0 keeps it (the old peak must be non-zero).
            if (oldPeak != 0 && bytes > oldPeak) {
                histogram.subtract(oldPeak, 1.0, windowEnd);
                addNewPeak = true;
            }
        } else {
            windowEnd += (timeSeconds - windowEnd) / intervalSeconds * intervalSeconds + intervalSeconds;
            memoryPeak = 0;
            oomPeak = 0;
            addNewPeak = true;
        }
        if (addNewPeak) {
            histogram.add(bytes, 1.0, windowEnd);
            if (oom) {
                oomPeak = bytes;
            } else {
                memoryPeak = bytes;
            }
        }
    }
}
