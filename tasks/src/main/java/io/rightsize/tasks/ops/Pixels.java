package io.rightsize.tasks.ops;

import java.awt.image.BufferedImage;

/** Small conversions between packed pixels and numbers, shared so every operation rounds and clamps alike. */
final class Pixels {

    private Pixels() {
    }

    /** Rounds to the nearest 8-bit value, clamping overshoot from filters with negative lobes. */
    static int clampToByte(double value) {
        long rounded = Math.round(value);
        return (int) Math.max(0, Math.min(255, rounded));
    }

    /** Packs three channel values in the given light (clamped) into an opaque RGB int. */
    static int rgb(Light light, double red, double green, double blue) {
        if (light == Light.LINEAR) {
            return rgb(Srgb.toEncoded(red), Srgb.toEncoded(green), Srgb.toEncoded(blue));
        }
        return rgb(red, green, blue);
    }

    /** Packs three encoded channel values (0..255, clamped) into an opaque RGB int. */
    static int rgb(double red, double green, double blue) {
        return 0xFF000000 | clampToByte(red) << 16 | clampToByte(green) << 8 | clampToByte(blue);
    }

    /** Packs one gray value into an opaque RGB int with equal channels. */
    static int gray(double value) {
        int v = clampToByte(value);
        return 0xFF000000 | v << 16 | v << 8 | v;
    }

    /** All pixels as packed ints, row-major, whatever the image's own storage type. */
    static int[] argb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** Builds an image of the given type from packed ints, row-major. */
    static BufferedImage image(int width, int height, int type, int[] argb) {
        BufferedImage image = new BufferedImage(width, height, type);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }
}
