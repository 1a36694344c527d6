package io.rightsize.tasks.ops;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * The CPU-heavy blur: convolves with the full (2r+1)² Gaussian kernel rather than two separable passes, so the cost
 * per pixel grows with the square of the radius and the task shows sustained CPU load.
 */
public final class GaussianBlurOp implements ImageOperation {

    @Override
    public BufferedImage apply(BufferedImage in, Map<String, Double> params) {
        int radius = ParamValues.integer(params, "radius");
        float[] kernel = GaussianKernels.twoDimensional(radius);
        RgbPlanes source = RgbPlanes.of(in, Light.ENCODED);
        RgbPlanes result = RgbPlanes.blank(source.width(), source.height(), Light.ENCODED);
        for (int c = 0; c < RgbPlanes.CHANNELS; c++) {
            convolve(source.channel(c), result.channel(c), source.width(), source.height(), radius, kernel);
        }
        return result.toImage();
    }

    private static void convolve(float[] plane, float[] out, int width, int height, int radius, float[] kernel) {
        float[] padded = EdgePadding.pad(plane, width, height, radius);
        int paddedWidth = width + 2 * radius;
        int size = 2 * radius + 1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                for (int ky = 0; ky < size; ky++) {
                    int rowStart = (y + ky) * paddedWidth + x;
                    int kernelRow = ky * size;
                    for (int kx = 0; kx < size; kx++) {
                        sum += padded[rowStart + kx] * kernel[kernelRow + kx];
                    }
                }
                out[y * width + x] = sum;
            }
        }
    }
}
