package io.rightsize.tasks.samples;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Drawing helpers shared by the scenes: an antialiased canvas and per-pixel texture that Java2D cannot paint. */
final class Canvas {

    private Canvas() {
    }

    static BufferedImage blank(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    /** Linear mix of two colours, t in 0..1. */
    static Color mix(Color a, Color b, double t) {
        double u = Math.max(0, Math.min(1, t));
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * u),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * u),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * u));
    }

    /**
     * Adds sparse film grain: a fraction of pixels is nudged by a few levels. Sparse, because dense per-pixel noise
     * would make the PNGs several megabytes, while a sprinkling is enough to give median and sharpen work to do.
     */
    static void grain(BufferedImage image, Random random, double fraction, int amplitude) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (random.nextDouble() < fraction) {
                    int delta = random.nextInt(2 * amplitude + 1) - amplitude;
                    int rgb = image.getRGB(x, y);
                    image.setRGB(x, y, shift(rgb, delta));
                }
            }
        }
    }

    private static int shift(int rgb, int delta) {
        int r = clamp(((rgb >> 16) & 0xFF) + delta);
        int g = clamp(((rgb >> 8) & 0xFF) + delta);
        int b = clamp((rgb & 0xFF) + delta);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
