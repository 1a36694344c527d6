package io.rightsize.tasks.ops;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * Rotates counter-clockwise with bicubic (Keys, a = -0.5) interpolation onto a canvas enlarged to hold the whole
 * rotated image; canvas pixels that map outside the source are transparent. Interpolation averages linear light,
 * so edges between bright and dark areas do not get a dark fringe. Its passes reuse the same buffers, so repeating
 * it adds CPU time but no memory.
 */
public final class BicubicRotateOp implements ImageOperation {

    private static final double KEYS_A = -0.5;
    private static final int TRANSPARENT = 0;

    @Override
    public BufferedImage apply(BufferedImage in, Map<String, Double> params) {
        double degrees = ParamValues.number(params, "degrees");
        double cos = exactCos(degrees);
        double sin = exactCos(degrees - 90); // sin θ = cos(θ − 90°), exact at quarter turns too
        int width = in.getWidth();
        int height = in.getHeight();
        int outWidth = canvasSize(Math.abs(width * cos) + Math.abs(height * sin));
        int outHeight = canvasSize(Math.abs(width * sin) + Math.abs(height * cos));
        int passes = ParamValues.passes(params);
        RgbPlanes source = RgbPlanes.of(in, Light.LINEAR);
        int[] out = new int[Math.multiplyExact(outWidth, outHeight)];
        for (int pass = 0; pass < passes; pass++) {
            rotate(source, cos, sin, outWidth, outHeight, out);
        }
        return Pixels.image(outWidth, outHeight, BufferedImage.TYPE_INT_ARGB, out);
    }

    private static void rotate(RgbPlanes source, double cos, double sin, int outWidth, int outHeight, int[] out) {
        int width = source.width();
        int height = source.height();
        double[] wx = new double[4];
        double[] wy = new double[4];
        for (int oy = 0; oy < outHeight; oy++) {
            double dy = oy + 0.5 - outHeight / 2.0;
            for (int ox = 0; ox < outWidth; ox++) {
                double dx = ox + 0.5 - outWidth / 2.0;
                // Inverse mapping: which source point lands on this canvas pixel (y points down, so the signs
                // below make positive angles turn the picture counter-clockwise on screen).
                double sx = cos * dx - sin * dy + width / 2.0 - 0.5;
                double sy = sin * dx + cos * dy + height / 2.0 - 0.5;
                if (sx < -0.5 || sx > width - 0.5 || sy < -0.5 || sy > height - 0.5) {
                    out[oy * outWidth + ox] = TRANSPARENT;
                    continue;
                }
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                keysWeights(sx - x0, wx);
                keysWeights(sy - y0, wy);
                out[oy * outWidth + ox] = sample(source, x0, y0, wx, wy);
            }
        }
    }

    /** Opaque pixel interpolated from the 4×4 neighbourhood starting at (x0-1, y0-1), edges clamped. */
    private static int sample(RgbPlanes source, int x0, int y0, double[] wx, double[] wy) {
        int width = source.width();
        int height = source.height();
        float[] red = source.channel(0);
        float[] green = source.channel(1);
        float[] blue = source.channel(2);
        double r = 0;
        double g = 0;
        double b = 0;
        for (int j = 0; j < 4; j++) {
            int row = EdgePadding.clamp(y0 - 1 + j, height) * width;
            for (int i = 0; i < 4; i++) {
                int index = row + EdgePadding.clamp(x0 - 1 + i, width);
                double w = wx[i] * wy[j];
                r += w * red[index];
                g += w * green[index];
                b += w * blue[index];
            }
        }
        return Pixels.rgb(Light.LINEAR, r, g, b);
    }

    /** Weights of the four samples at offsets -1, 0, 1, 2 for fractional position t in [0, 1). */
    private static void keysWeights(double t, double[] weights) {
        weights[0] = keys(1 + t);
        weights[1] = keys(t);
        weights[2] = keys(1 - t);
        weights[3] = keys(2 - t);
    }

    private static double keys(double distance) {
        double x = Math.abs(distance);
        if (x <= 1) {
            return ((KEYS_A + 2) * x - (KEYS_A + 3)) * x * x + 1;
        }
        if (x < 2) {
            return ((KEYS_A * x - 5 * KEYS_A) * x + 8 * KEYS_A) * x - 4 * KEYS_A;
        }
        return 0;
    }

    /**
     * Cosine that is exact at multiples of 90°, where Math.cos(Math.toRadians(..)) is off by ~1e-16: that error
     * would grow the canvas by a pixel and turn lossless quarter turns into slightly blurred ones.
     */
    private static double exactCos(double degrees) {
        double normalised = ((degrees % 360) + 360) % 360;
        if (normalised == 0) {
            return 1;
        }
        if (normalised == 90 || normalised == 270) {
            return 0;
        }
        if (normalised == 180) {
            return -1;
        }
        return Math.cos(Math.toRadians(normalised));
    }

    /** Pixels needed to hold an extent, tolerating the rounding noise of trigonometry. */
    private static int canvasSize(double extent) {
        return Math.max(1, (int) Math.ceil(extent - 1e-9));
    }
}
