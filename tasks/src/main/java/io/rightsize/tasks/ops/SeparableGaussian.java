package io.rightsize.tasks.ops;

/** A cheap Gaussian blur as two one-dimensional passes, for operations where the blur is a means, not the point. */
final class SeparableGaussian {

    private final int width;
    private final int height;
    private final int radius;
    private final float[] kernel;
    private final float[] horizontal;

    /** A blur for planes of one size; it keeps one scratch plane so repeated use allocates nothing. */
    SeparableGaussian(int width, int height, int radius) {
        this.width = width;
        this.height = height;
        this.radius = radius;
        this.kernel = GaussianKernels.oneDimensional(radius);
        this.horizontal = new float[Math.multiplyExact(width, height)];
    }

    /** Writes a blurred copy of {@code plane} into {@code result}, edges clamped. */
    void blur(float[] plane, float[] result) {
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += plane[row + EdgePadding.clamp(x + k, width)] * kernel[k + radius];
                }
                horizontal[row + x] = sum;
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += horizontal[EdgePadding.clamp(y + k, height) * width + x] * kernel[k + radius];
                }
                result[y * width + x] = sum;
            }
        }
    }
}
