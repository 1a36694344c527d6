package io.rightsize.allocation.size;

/** One finished run as the size model learns from it: the pixels the task held (input and output) and its peak memory. */
public record SizedRun(long heldPixels, long peakBytes) {
}
