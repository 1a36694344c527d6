package io.rightsize.tasks.catalog;

import java.util.Map;

/**
 * How a task's output size follows its input and parameters: what an allocation needs to know before the task runs,
 * since an image task holds its input and its output at once.
 */
public enum OutputSize {
    /** The output has the input's pixels. */
    SAME,
    /** Width and height times the {@code scale} parameter. */
    SCALED,
    /**
     * The canvas that holds the input rotated by the {@code degrees} parameter. From the pixel count alone the input
     * is taken as square, which is within 5% for photo aspect ratios up to 3:2.
     */
    ROTATED;

    /** The output's pixels for an input of {@code inputPixels} with these (resolved) parameters. */
    public long pixels(long inputPixels, Map<String, Double> params) {
        return switch (this) {
            case SAME -> inputPixels;
            case SCALED -> {
                double scale = params.getOrDefault("scale", 1.0);
                yield Math.round(inputPixels * scale * scale);
            }
            case ROTATED -> {
                double radians = Math.toRadians(params.getOrDefault("degrees", 0.0));
                // A w x w square turned by θ needs (w|cos θ| + w|sin θ|)² = w² (1 + |sin 2θ|).
                yield Math.round(inputPixels * (1 + Math.abs(Math.sin(2 * radians))));
            }
        };
    }
}
