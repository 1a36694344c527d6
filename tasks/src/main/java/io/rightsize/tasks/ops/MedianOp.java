package io.rightsize.tasks.ops;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Map;

/**
 * The CPU-heavy median filter: builds a fresh 256-bin histogram of the (2r+1)² window for every pixel and channel
 * and walks it to the middle value. That costs a lot of CPU but no memory beyond the image, giving a clean
 * CPU-bound profile; unlike sorting the window, the cost grows only linearly with the window's area.
 */
public final class MedianOp implements ImageOperation {

    private static final int LEVELS = 256;

    @Override
    public BufferedImage apply(BufferedImage in, Map<String, Double> params) {
        int radius = ParamValues.integer(params, "radius");
        int width = in.getWidth();
        int height = in.getHeight();
        int[] source = Pixels.argb(in);
        int[] result = new int[source.length];
        Arrays.fill(result, 0xFF000000);
        for (int shift = 16; shift >= 0; shift -= 8) {
            filterChannel(source, result, width, height, radius, shift);
        }
        return Pixels.image(width, height, BufferedImage.TYPE_INT_RGB, result);
    }

    /** Medians of the 8-bit channel at {@code shift} of {@code source}, OR-ed into the same channel of {@code out}. */
    private static void filterChannel(int[] source, int[] out, int width, int height, int radius, int shift) {
        int[] histogram = new int[LEVELS];
        int windowSize = (2 * radius + 1) * (2 * radius + 1);
        int rank = windowSize / 2 + 1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                Arrays.fill(histogram, 0);
                for (int dy = -radius; dy <= radius; dy++) {
                    int row = EdgePadding.clamp(y + dy, height) * width;
                    for (int dx = -radius; dx <= radius; dx++) {
                        histogram[(source[row + EdgePadding.clamp(x + dx, width)] >> shift) & 0xFF]++;
                    }
                }
                int level = 0;
                int seen = histogram[0];
                while (seen < rank) {
                    seen += histogram[++level];
                }
                out[y * width + x] |= level << shift;
            }
        }
    }
}
