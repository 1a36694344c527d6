package io.rightsize.tasks.ops;

/** The sRGB transfer function, because averaging gamma-encoded values darkens and shifts colours. */
final class Srgb {

    private static final float[] TO_LINEAR = new float[256];

    static {
        for (int i = 0; i < TO_LINEAR.length; i++) {
            double c = i / 255.0;
            TO_LINEAR[i] = (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
    }

    private Srgb() {
    }

    /** Linear light (0..1) of an 8-bit sRGB value. */
    static float toLinear(int encoded) {
        return TO_LINEAR[encoded];
    }

    /** The 8-bit sRGB value (0..255, unrounded) of a linear light value (0..1). */
    static double toEncoded(double linear) {
        double c = linear <= 0.0031308 ? linear * 12.92 : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return c * 255.0;
    }
}
