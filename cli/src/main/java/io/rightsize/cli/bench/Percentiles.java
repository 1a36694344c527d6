package io.rightsize.cli.bench;

/** The q-quantile of sorted measurements as every benchmark reports it: the value at floor(q * n), NaN when none. */
public final class Percentiles {

    private Percentiles() {
    }

    static double of(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[index(sorted.length, q)];
    }

    public static double of(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[index(sorted.length, q)];
    }

    private static int index(int n, double q) {
        return (int) Math.min(n - 1, Math.floor(q * n));
    }
}
