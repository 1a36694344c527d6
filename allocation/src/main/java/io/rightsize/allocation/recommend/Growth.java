package io.rightsize.allocation.recommend;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Detects sustained growth in a window, so a rising service is projected forward while a one-off level shift
 * or noise is not mistaken for a trend (a shift is already covered by the window's recent samples).
 */
final class Growth {

    /** Block medians damp bursts; ten of them leave eight degrees of freedom for the slope's t-test. */
    private static final int BLOCKS = 10;
    /** About a 5 % one-sided significance for 8 degrees of freedom. */
    private static final double MIN_T = 2.0;

    private Growth() {
    }

    /**
     * Growth per sample, or 0 when the window's block medians do not rise significantly along a line, or when
     * a single level shift explains them better than a line does.
     */
    static double perSample(double[] window) {
        int blockLength = window.length / BLOCKS;
        if (blockLength < 2) {
            return 0;
        }
        int start = window.length - BLOCKS * blockLength;
        double[] medians = new double[BLOCKS];
        SimpleRegression line = new SimpleRegression();
        for (int b = 0; b < BLOCKS; b++) {
            int from = start + b * blockLength;
            medians[b] = new Median().evaluate(Arrays.copyOfRange(window, from, from + blockLength));
            line.addData(b, medians[b]);
        }
        double slope = line.getSlope();
        boolean significant = slope > 0 && (line.getSlopeStdErr() == 0 || slope / line.getSlopeStdErr() >= MIN_T);
        if (!significant || bestSingleShiftError(medians) <= line.getSumSquaredErrors()) {
            return 0;
        }
        return slope / blockLength;
    }

    /** Squared error of the best fit by two constant levels with one change point. */
    private static double bestSingleShiftError(double[] values) {
        double best = Double.POSITIVE_INFINITY;
        for (int split = 1; split < values.length; split++) {
            best = Math.min(best, squaredDeviation(values, 0, split) + squaredDeviation(values, split, values.length));
        }
        return best;
    }

    private static double squaredDeviation(double[] values, int from, int to) {
        double mean = Arrays.stream(values, from, to).average().orElseThrow();
        return Arrays.stream(values, from, to).map(v -> (v - mean) * (v - mean)).sum();
    }
}
