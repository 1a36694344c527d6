package io.rightsize.tasks.ops;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * Unsharp mask: boosts local contrast by adding back {@code amount} times the detail a Gaussian blur removes.
 * Its passes reuse the same buffers, so repeating it adds CPU time but no memory.
 */
public final class SharpenOp implements ImageOperation {

    @Override
    public BufferedImage apply(BufferedImage in, Map<String, Double> params) {
        float amount = (float) ParamValues.number(params, "amount");
        int radius = ParamValues.integer(params, "radius");
        int passes = ParamValues.passes(params);
        RgbPlanes source = RgbPlanes.of(in, Light.ENCODED);
        RgbPlanes result = RgbPlanes.blank(source.width(), source.height(), Light.ENCODED);
        SeparableGaussian gaussian = new SeparableGaussian(source.width(), source.height(), radius);
        float[] blurred = new float[source.channel(0).length];
        for (int pass = 0; pass < passes; pass++) {
            for (int c = 0; c < RgbPlanes.CHANNELS; c++) {
                float[] plane = source.channel(c);
                float[] sharpened = result.channel(c);
                gaussian.blur(plane, blurred);
                for (int i = 0; i < plane.length; i++) {
                    sharpened[i] = plane[i] + amount * (plane[i] - blurred[i]);
                }
            }
        }
        return result.toImage();
    }
}
