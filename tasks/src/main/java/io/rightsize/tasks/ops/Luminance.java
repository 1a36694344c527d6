package io.rightsize.tasks.ops;

/** Rec. 709 luminance weights, the ones that match sRGB primaries. */
final class Luminance {

    static final double RED = 0.2126;
    static final double GREEN = 0.7152;
    static final double BLUE = 0.0722;

    private Luminance() {
    }

    /** Weighted sum of three channel values in whatever units they share. */
    static double of(double red, double green, double blue) {
        return RED * red + GREEN * green + BLUE * blue;
    }
}
