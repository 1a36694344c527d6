package io.rightsize.allocation.recommend;

import java.util.Arrays;
import java.util.Optional;

/**
 * Robusta KRR's "simple" strategy with its defaults ({@code robusta_krr/strategies/simple.py}; history and step in
 * {@code core/abstract/strategies.py}; rounding and minimums in {@code core/runner.py} _round_value and
 * {@code core/models/config.py}): over the last 14 days, CPU request = p95 of usage (Prometheus' quantile_over_time,
 * linear like {@link Quantiles#linear}), rounded up to a millicore, at least 10 millicores; memory request = limit =
 * peak + 15 %, rounded up to a MiB, at least 100 MiB; under 100 points in those 14 days, no recommendation.
 *
 * <p>KRR sets no CPU limit. A recommendation needs a finite one, so CPU gets request = limit = p95 and the backtest
 * judges the request there. {@link #recommend} computes the rule on any history; {@link #recommendIfEnough} gives
 * none below 100 points, as KRR does.
 */
final class KrrRecommender implements Recommender {

    /** points_required. */
    static final int POINTS_REQUIRED = 100;
    /** history_duration: 24 x 7 x 2 hours. */
    static final long HISTORY_SECONDS = 14 * 24 * 3600;
    private static final double CPU_PERCENTILE = 0.95;
    /** memory_buffer_percentage. */
    private static final double MEMORY_BUFFER = 0.15;
    /** cpu_min_value (--cpu-min). */
    private static final double MIN_CPU_MILLICORES = 10;
    private static final double MIB = 1024 * 1024;
    /** memory_min_value (--mem-min): "MB" in its help, 1024^2 bytes each in _round_value. */
    private static final double MIN_MEMORY_BYTES = 100 * MIB;

    @Override
    public String name() {
        return "krr";
    }

    @Override
    public String description() {
        return "Robusta KRR's simple strategy: CPU p95 (KRR sets no CPU limit; the request is judged), memory peak"
                + " + 15%, at least 10m and 100 MiB, none under 100 points";
    }

    /** Samples taken {@link Recommender#DEFAULT_SPACING_SECONDS} apart. */
    @Override
    public Recommendation recommend(ResourceKind kind, double[] history) {
        return recommend(kind, Recommender.evenlySpaced(history.length), history);
    }

    @Override
    public Recommendation recommend(ResourceKind kind, long[] timestamps, double[] values) {
        History.requireValid(values);
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException(timestamps.length + " timestamps for " + values.length + " values");
        }
        double[] window = Arrays.copyOfRange(values, windowStart(timestamps), values.length);
        return Recommendation.of(switch (kind) {
            case CPU -> Math.max(Math.ceil(Quantiles.linear(window, CPU_PERCENTILE)), MIN_CPU_MILLICORES);
            case MEMORY -> Math.max(Math.ceil(History.max(window) * (1 + MEMORY_BUFFER) / MIB) * MIB,
                    MIN_MEMORY_BYTES);
        });
    }

    /** Empty below {@link #POINTS_REQUIRED} points in the last 14 days. */
    @Override
    public Optional<Recommendation> recommendIfEnough(ResourceKind kind, long[] timestamps, double[] values,
                                                      long horizonSeconds) {
        return timestamps.length - windowStart(timestamps) < POINTS_REQUIRED ? Optional.empty()
                : Optional.of(recommend(kind, timestamps, values));
    }

    @Override
    public int minimumSamples() {
        return POINTS_REQUIRED;
    }

    /** The first sample within the history duration before the last one (a Prometheus range is open at its start). */
    private static int windowStart(long[] timestamps) {
        int from = timestamps.length;
        while (from > 0 && timestamps[from - 1] > timestamps[timestamps.length - 1] - HISTORY_SECONDS) {
            from--;
        }
        return from;
    }
}
