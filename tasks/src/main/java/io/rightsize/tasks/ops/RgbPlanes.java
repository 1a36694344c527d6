package io.rightsize.tasks.ops;

import java.awt.image.BufferedImage;

/**
 * An image as three separate float planes (red, green, blue), the form most filters want to work on.
 *
 * <p>Values may leave their nominal range while filtering (Lanczos and unsharp masks overshoot); they are clamped
 * only when converting back to an image.
 */
final class RgbPlanes {

    static final int CHANNELS = 3;

    private final int width;
    private final int height;
    private final Light light;
    private final float[][] channels;

    private RgbPlanes(int width, int height, Light light) {
        this.width = width;
        this.height = height;
        this.light = light;
        this.channels = new float[CHANNELS][Math.multiplyExact(width, height)];
    }

    static RgbPlanes blank(int width, int height, Light light) {
        return new RgbPlanes(width, height, light);
    }

    static RgbPlanes of(BufferedImage image, Light light) {
        int width = image.getWidth();
        int height = image.getHeight();
        RgbPlanes planes = blank(width, height, light);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                for (int c = 0; c < CHANNELS; c++) {
                    int value = (argb >> (16 - 8 * c)) & 0xFF;
                    planes.channels[c][offset + x] = light == Light.LINEAR ? Srgb.toLinear(value) : value;
                }
            }
        }
        return planes;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The live plane for channel 0 (red), 1 (green) or 2 (blue), row-major. */
    float[] channel(int index) {
        return channels[index];
    }

    BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                row[x] = Pixels.rgb(light, channels[0][offset + x], channels[1][offset + x], channels[2][offset + x]);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }
}
