package io.rightsize.tasks.ops;

/**
 * Copies a plane into a larger one whose border repeats the edge pixels, so window filters need no bounds checks
 * in their inner loops.
 */
final class EdgePadding {

    private EdgePadding() {
    }

    /** A (width+2·pad)×(height+2·pad) copy of {@code plane}, edges clamped outward. */
    static float[] pad(float[] plane, int width, int height, int pad) {
        int paddedWidth = width + 2 * pad;
        float[] padded = new float[paddedWidth * (height + 2 * pad)];
        for (int py = 0; py < height + 2 * pad; py++) {
            int sy = clamp(py - pad, height);
            for (int px = 0; px < paddedWidth; px++) {
                padded[py * paddedWidth + px] = plane[sy * width + clamp(px - pad, width)];
            }
        }
        return padded;
    }

    /** The nearest index inside 0..size-1, so reads past an edge repeat the edge pixel. */
    static int clamp(int index, int size) {
        return Math.max(0, Math.min(size - 1, index));
    }
}
