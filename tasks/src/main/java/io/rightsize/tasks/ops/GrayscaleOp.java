package io.rightsize.tasks.ops;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * The light task: converts to gray through linear light, so mid-tones keep their brightness. Its passes reuse the
 * same buffers, so repeating it adds CPU time but no memory.
 */
public final class GrayscaleOp implements ImageOperation {

    @Override
    public BufferedImage apply(BufferedImage in, Map<String, Double> params) {
        int passes = ParamValues.passes(params);
        int[] source = Pixels.argb(in);
        int[] gray = new int[source.length];
        for (int pass = 0; pass < passes; pass++) {
            convert(source, gray);
        }
        return Pixels.image(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB, gray);
    }

    private static void convert(int[] source, int[] gray) {
        for (int i = 0; i < source.length; i++) {
            int argb = source[i];
            double linear = Luminance.of(
                    Srgb.toLinear((argb >> 16) & 0xFF),
                    Srgb.toLinear((argb >> 8) & 0xFF),
                    Srgb.toLinear(argb & 0xFF));
            gray[i] = Pixels.gray(Srgb.toEncoded(linear));
        }
    }
}
