package io.rightsize.tasks.ops;

/**
 * Per-output-position source indices and Lanczos-3 weights for resampling one axis, computed once and reused for
 * every row (or column) instead of evaluating sin() per pixel.
 */
final class LanczosWeights {

    private static final int LOBES = 3;

    private final int[][] indices;
    private final float[][] weights;

    private LanczosWeights(int[][] indices, float[][] weights) {
        this.indices = indices;
        this.weights = weights;
    }

    /**
     * Weights mapping {@code sourceSize} samples to {@code targetSize}. When shrinking, the kernel is stretched by
     * the shrink factor so it also low-pass filters and the result does not alias.
     */
    static LanczosWeights forAxis(int sourceSize, int targetSize) {
        double scale = (double) targetSize / sourceSize;
        double stretch = Math.max(1.0, 1.0 / scale);
        double support = LOBES * stretch;
        int[][] indices = new int[targetSize][];
        float[][] weights = new float[targetSize][];
        for (int out = 0; out < targetSize; out++) {
            double centre = (out + 0.5) / scale - 0.5;
            int first = (int) Math.ceil(centre - support);
            int last = (int) Math.floor(centre + support);
            int count = last - first + 1;
            indices[out] = new int[count];
            double[] raw = new double[count];
            double sum = 0;
            for (int k = 0; k < count; k++) {
                int source = first + k;
                indices[out][k] = EdgePadding.clamp(source, sourceSize);
                raw[k] = lanczos((source - centre) / stretch);
                sum += raw[k];
            }
            weights[out] = new float[count];
            for (int k = 0; k < count; k++) {
                weights[out][k] = (float) (raw[k] / sum);
            }
        }
        return new LanczosWeights(indices, weights);
    }

    int[] indices(int out) {
        return indices[out];
    }

    float[] weights(int out) {
        return weights[out];
    }

    private static double lanczos(double x) {
        if (x == 0) {
            return 1;
        }
        if (Math.abs(x) >= LOBES) {
            return 0;
        }
        double px = Math.PI * x;
        return LOBES * Math.sin(px) * Math.sin(px / LOBES) / (px * px);
    }
}
