package io.rightsize.allocation.recommend;

import java.util.Arrays;

/**
 * Rightsize's recommender. For an allocation that stands about as long as the history (static): a forecast of the
 * coming period's high point ({@link UsageForecast}) times a margin calibrated on the history itself, split
 * conformal-style: forecast from the earlier half, count how often the later half's sustained usage went over, and
 * take the smallest margin that keeps that share within the configured risk; memory also keeps a minimum headroom
 * over its peak. Asked again every horizon (online), memory follows the recent peak instead ({@link RecentPeak}),
 * never above what the whole history asks for.
 * Either way a running allocation may stay while it is at most {@value #SHRINK_BAND_PERCENT}% above the new memory
 * limit or within {@value #CPU_BAND_PERCENT}% of the new CPU limit, so an updater moves it only when worth it.
 */
public final class RightsizeRecommender implements Recommender {

    /** Default CPU risk: 5 % of samples may want more CPU than the limit, which throttles them, no worse. */
    public static final double DEFAULT_CPU_RISK = 0.05;
    /** Default memory risk: 0.5 % of samples over the limit, because going over is an OOM kill. */
    public static final double DEFAULT_MEMORY_RISK = 0.005;
    /**
     * Default minimum memory headroom (10 %) for level shifts the history cannot show yet (a heap that grows
     * one step more under a new load); the calibrated margin replaces it when that is larger.
     */
    public static final double DEFAULT_MEMORY_HEADROOM = 0.10;
    /** Below this many history samples (10 a half) the split is too short to count exceedances in. */
    private static final int MIN_CALIBRATION_SAMPLES = 20;
    /** Usage above the rest for fewer samples than this is a spike (a start-up), not a level to calibrate on. */
    static final int SPIKE_SAMPLES = 5;
    /** A running memory allocation this much above the new limit stays: shrinking by less is not worth a move. */
    static final int SHRINK_BAND_PERCENT = 5;
    /** A running CPU allocation this close to the new limit, either way, stays: minute CPU is mostly noise. */
    static final int CPU_BAND_PERCENT = 10;
    /** The online rule needs at least this many horizons of history: one for the peak, one to see a rise. */
    private static final int MIN_ONLINE_BLOCKS = 2;

    private final double cpuRisk;
    private final double memoryRisk;
    private final double memoryHeadroom;

    /** With the documented defaults. */
    public RightsizeRecommender() {
        this(DEFAULT_CPU_RISK, DEFAULT_MEMORY_RISK, DEFAULT_MEMORY_HEADROOM);
    }

    /**
     * @param cpuRisk        target share of samples above the CPU limit, in (0, 1)
     * @param memoryRisk     target share of samples above the memory limit, in (0, 1)
     * @param memoryHeadroom minimum relative margin on memory, >= 0
     */
    public RightsizeRecommender(double cpuRisk, double memoryRisk, double memoryHeadroom) {
        this.cpuRisk = requireRisk("cpuRisk", cpuRisk);
        this.memoryRisk = requireRisk("memoryRisk", memoryRisk);
        if (!(memoryHeadroom >= 0) || !Double.isFinite(memoryHeadroom)) {
            throw new IllegalArgumentException("memoryHeadroom must be finite and >= 0, got " + memoryHeadroom);
        }
        this.memoryHeadroom = memoryHeadroom;
    }

    @Override
    public String name() {
        return "rightsize";
    }

    @Override
    public String description() {
        return "Rightsize's heuristic: the high point times a margin calibrated on the history (5% CPU, 0.5% memory"
                + " risk); re-asked often, memory follows its recent peak and growth";
    }

    @Override
    public Recommendation recommend(ResourceKind kind, long[] timestamps, double[] values, long horizonSeconds) {
        History.requireValid(values);
        long span = timestamps[timestamps.length - 1] - timestamps[0];
        boolean online = horizonSeconds != UNTIL_FURTHER_NOTICE && span >= MIN_ONLINE_BLOCKS * horizonSeconds;
        if (!online || kind == ResourceKind.CPU) {
            return recommend(kind, values);
        }
        // Never more than the whole history asks for: the recent level may only save, noise in its rises not cost.
        double limit = Math.min(RecentPeak.DEFAULT.limit(timestamps, values, horizonSeconds),
                recommend(kind, values).limit());
        double expected = Quantiles.recencyWeighted(values, 0.5, values.length / 2.0);
        return banded(kind, Math.min(expected, limit), limit);
    }

    @Override
    public Recommendation recommend(ResourceKind kind, double[] history) {
        History.requireValid(history);
        double risk = kind == ResourceKind.CPU ? cpuRisk : memoryRisk;
        double minMargin = kind == ResourceKind.CPU ? 0 : memoryHeadroom;
        UsageForecast forecast = new UsageForecast(kind, risk);
        double margin = calibratedMargin(forecast, history, risk, kind == ResourceKind.MEMORY);
        // The minimum headroom stands for shifts nobody saw coming; a projected growth already is a foreseen one.
        double limit = Math.max(forecast.highPoint(history) * (1 + Math.max(margin, minMargin)),
                forecast.growthProjection(history, history.length) * (1 + margin));
        double expected = Quantiles.recencyWeighted(history, 0.5, history.length / 2.0);
        return banded(kind, Math.min(expected, limit), limit);
    }

    /** With the band an online updater keeps a running allocation in (memory grows at once, shrinks past 5 %). */
    private static Recommendation banded(ResourceKind kind, double request, double limit) {
        return kind == ResourceKind.CPU
                ? new Recommendation(request, limit, limit / (1 + CPU_BAND_PERCENT / 100.0),
                        limit * (1 + CPU_BAND_PERCENT / 100.0))
                : new Recommendation(request, limit, limit, limit * (1 + SHRINK_BAND_PERCENT / 100.0));
    }

    /**
     * The smallest relative margin m such that at most {@code risk} of the later half (memory: its sustained usage)
     * exceeds the earlier half's forecast times (1 + m); 0 when the history is too short or the earlier half
     * forecasts nothing to scale. Memory's sustained usage, because a start-up spike in the later half is already in
     * the forecast's peak: read as forecast error it would be counted twice. CPU's bursts are what it throttles.
     */
    private static double calibratedMargin(UsageForecast forecast, double[] history, double risk,
                                           boolean sustainedOnly) {
        if (history.length < MIN_CALIBRATION_SAMPLES) {
            return 0;
        }
        int split = history.length / 2;
        double[] later = Arrays.copyOfRange(history, split, history.length);
        if (sustainedOnly) {
            later = sustained(later);
        }
        double predicted = forecast.allocation(Arrays.copyOfRange(history, 0, split), later.length);
        if (predicted <= 0) {
            return 0;
        }
        Arrays.sort(later);
        int allowedAbove = (int) Math.floor(risk * later.length);
        double mustCover = later[later.length - 1 - allowedAbove];
        return Math.max(0, mustCover / predicted - 1);
    }

    /** Each sample's least over it and the next {@value #SPIKE_SAMPLES} - 1: what usage held, not touched. */
    static double[] sustained(double[] values) {
        int n = Math.max(1, values.length - SPIKE_SAMPLES + 1);
        double[] held = new double[n];
        for (int i = 0; i < n; i++) {
            double least = values[i];
            for (int j = i + 1; j < Math.min(values.length, i + SPIKE_SAMPLES); j++) {
                least = Math.min(least, values[j]);
            }
            held[i] = least;
        }
        return held;
    }

    private static double requireRisk(String name, double risk) {
        if (!(risk > 0 && risk < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + risk);
        }
        return risk;
    }
}
