package io.rightsize.tasks.ops;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * Edge detection: Sobel gradient magnitude of the luminance, shown as gray, weak edges optionally cut to black.
 * Its passes reuse the same buffers, so repeating it adds CPU time but no memory.
 */
public final class SobelOp implements ImageOperation {

    /**
     * Sobel kernels weigh the centre row 2 and the others 1, so a step of height h gives a response of 4h; dividing
     * by 4 brings magnitudes back to the 0..255 scale of the input (diagonal steps may still exceed it and clamp).
     */
    private static final float KERNEL_GAIN = 4f;

    @Override
    public BufferedImage apply(BufferedImage in, Map<String, Double> params) {
        double threshold = ParamValues.number(params, "threshold");
        int passes = ParamValues.passes(params);
        int width = in.getWidth();
        int height = in.getHeight();
        int[] source = Pixels.argb(in);
        float[] luma = new float[(width + 2) * (height + 2)];
        int[] out = new int[source.length];
        for (int pass = 0; pass < passes; pass++) {
            paddedLuminance(source, width, height, luma);
            gradient(luma, width, height, threshold, out);
        }
        return Pixels.image(width, height, BufferedImage.TYPE_INT_RGB, out);
    }

    /** Luminance with a one-pixel border repeating the edge, so the 3×3 kernels need no bounds checks. */
    private static void paddedLuminance(int[] argb, int width, int height, float[] luma) {
        int paddedWidth = width + 2;
        for (int py = 0; py < height + 2; py++) {
            int row = EdgePadding.clamp(py - 1, height) * width;
            for (int px = 0; px < paddedWidth; px++) {
                int p = argb[row + EdgePadding.clamp(px - 1, width)];
                luma[py * paddedWidth + px] = (float) Luminance.of((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF);
            }
        }
    }

    private static void gradient(float[] luma, int width, int height, double threshold, int[] out) {
        int pw = width + 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int c = (y + 1) * pw + x + 1;
                float gx = (luma[c - pw + 1] + 2 * luma[c + 1] + luma[c + pw + 1])
                        - (luma[c - pw - 1] + 2 * luma[c - 1] + luma[c + pw - 1]);
                float gy = (luma[c + pw - 1] + 2 * luma[c + pw] + luma[c + pw + 1])
                        - (luma[c - pw - 1] + 2 * luma[c - pw] + luma[c - pw + 1]);
                double magnitude = Math.sqrt(gx * gx + gy * gy) / KERNEL_GAIN;
                out[y * width + x] = Pixels.gray(magnitude < threshold ? 0 : magnitude);
            }
        }
    }
}
