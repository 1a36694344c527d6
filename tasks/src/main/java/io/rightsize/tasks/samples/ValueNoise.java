package io.rightsize.tasks.samples;

import java.util.Random;

/** Smooth, seeded fractal noise for natural-looking texture that still compresses well as PNG. */
final class ValueNoise {

    private static final int SIZE = 256;
    private static final int MASK = SIZE - 1;

    private final float[] values = new float[SIZE];
    private final int[] permutation = new int[SIZE * 2];

    ValueNoise(long seed) {
        Random random = new Random(seed);
        int[] order = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            values[i] = random.nextFloat();
            order[i] = i;
        }
        for (int i = SIZE - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        for (int i = 0; i < permutation.length; i++) {
            permutation[i] = order[i & MASK];
        }
    }

    /** Noise in 0..1 with features about one unit apart. */
    double at(double x, double y) {
        int xi = (int) Math.floor(x);
        int yi = (int) Math.floor(y);
        double tx = smooth(x - xi);
        double ty = smooth(y - yi);
        double top = lerp(lattice(xi, yi), lattice(xi + 1, yi), tx);
        double bottom = lerp(lattice(xi, yi + 1), lattice(xi + 1, yi + 1), tx);
        return lerp(top, bottom, ty);
    }

    /** Sum of {@code octaves} layers, each twice as fine and half as strong, normalised to 0..1. */
    double fractal(double x, double y, int octaves) {
        double sum = 0;
        double amplitude = 1;
        double total = 0;
        double frequency = 1;
        for (int i = 0; i < octaves; i++) {
            sum += amplitude * at(x * frequency, y * frequency);
            total += amplitude;
            amplitude /= 2;
            frequency *= 2;
        }
        return sum / total;
    }

    private double lattice(int x, int y) {
        return values[permutation[permutation[x & MASK] + (y & MASK)]];
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
