package io.rightsize.allocation.recommend;

import java.util.Arrays;

/**
 * The uncorrected allocation for a coming period: the window's high point (CPU: a recency-weighted quantile,
 * since bursts over the limit are only throttled; memory: the peak, since going over is an OOM kill), or, when
 * the window shows sustained growth, that growth projected to the end of the period if it is higher.
 */
record UsageForecast(ResourceKind kind, double risk) {

    double allocation(double[] window, int horizon) {
        return Math.max(highPoint(window), growthProjection(window, horizon));
    }

    double highPoint(double[] window) {
        return switch (kind) {
            case CPU -> Quantiles.recencyWeighted(window, 1 - risk, window.length / 2.0);
            case MEMORY -> History.max(window);
        };
    }

    /** The high point at the end of the next {@code horizon} samples if growth goes on; 0 without growth. */
    double growthProjection(double[] window, int horizon) {
        double projection = 0;
        double[] recentHalf = Arrays.copyOfRange(window, window.length / 2, window.length);
        // The whole window shows slow growth, its recent half a rise that began lately (after a dip, say).
        for (double[] span : new double[][] {window, recentHalf}) {
            double growth = Growth.perSample(span);
            if (growth > 0) {
                double[] detrended = new double[span.length];
                Arrays.setAll(detrended, i -> span[i] - growth * i);
                projection = Math.max(projection, highPoint(detrended) + growth * (span.length + horizon));
            }
        }
        return projection;
    }
}
