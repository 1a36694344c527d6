package io.rightsize.tasks.ops;

/** Normalised Gaussian kernels for a pixel radius, so blur and sharpen agree on what "radius" means. */
final class GaussianKernels {

    private GaussianKernels() {
    }

    /**
     * The standard deviation used for a radius: the kernel spans ±3σ, so truncation drops under 0.3% of the weight;
     * the floor keeps radius 1 from being almost an identity.
     */
    private static double sigma(int radius) {
        return Math.max(radius / 3.0, 0.5);
    }

    /** Weights for offsets -radius..radius, summing to 1. */
    static float[] oneDimensional(int radius) {
        double sigma = sigma(radius);
        double[] weights = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            weights[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += weights[i + radius];
        }
        return normalised(weights, sum);
    }

    /** Weights for the (2·radius+1)² square window, row-major, summing to 1. */
    static float[] twoDimensional(int radius) {
        double sigma = sigma(radius);
        int size = 2 * radius + 1;
        double[] weights = new double[size * size];
        double sum = 0;
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                double w = Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                weights[(dy + radius) * size + dx + radius] = w;
                sum += w;
            }
        }
        return normalised(weights, sum);
    }

    private static float[] normalised(double[] weights, double sum) {
        float[] result = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            result[i] = (float) (weights[i] / sum);
        }
        return result;
    }
}
