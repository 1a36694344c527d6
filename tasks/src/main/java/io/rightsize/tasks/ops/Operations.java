package io.rightsize.tasks.ops;

import java.util.Optional;

/** Maps catalog task names to their implementations, keeping the catalog free of any dependency on the algorithms. */
public final class Operations {

    private Operations() {
    }

    /** The operation for a catalog task name, or empty if no operation has that name. */
    public static Optional<ImageOperation> forTask(String name) {
        return Optional.ofNullable(switch (name) {
            case "grayscale" -> new GrayscaleOp();
            case "blur" -> new GaussianBlurOp();
            case "sharpen" -> new SharpenOp();
            case "resize" -> new LanczosResizeOp();
            case "rotate" -> new BicubicRotateOp();
            case "sobel" -> new SobelOp();
            case "median" -> new MedianOp();
            default -> null;
        });
    }
}
