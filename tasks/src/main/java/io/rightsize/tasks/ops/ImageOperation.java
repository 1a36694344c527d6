package io.rightsize.tasks.ops;

import java.awt.image.BufferedImage;
import java.util.Map;

/** One image-processing task's algorithm, kept separate from argument handling and file I/O so it can be tested. */
@FunctionalInterface
public interface ImageOperation {

    /**
     * Produces a new image; the input is not modified.
     *
     * @param in     the source image
     * @param params every parameter of the task, already validated and with defaults filled in
     */
    BufferedImage apply(BufferedImage in, Map<String, Double> params);
}
