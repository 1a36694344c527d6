package io.rightsize.allocation.size;

/**
 * One finished run as the size model learns from it: the pixels the task held (input and output) and the most
 * memory it used, or the limit it was OOM-killed at (a lower bound of what it needed).
 */
public record SizedRun(long heldPixels, long peakBytes) {
}
