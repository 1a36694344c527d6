package io.rightsize.allocation.recommend;

import java.util.Arrays;

/**
 * Rightsize's recommender: a forecast of the coming period's high point ({@link UsageForecast}) times a margin
 * calibrated on the history itself, split conformal-style: forecast from the earlier half, count how often the
 * later half went over, and take the smallest margin that keeps that share within the configured risk. Memory
 * also keeps a minimum headroom over its peak.
 *
 * <p>It assumes the allocation will be used for about as long as the history it learned from.
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
        return "Rightsize's heuristic: a forecast of the high point times a margin calibrated on the history (5% CPU, 0.5% memory risk)";
    }

    @Override
    public Recommendation recommend(ResourceKind kind, double[] history) {
        History.requireValid(history);
        double risk = kind == ResourceKind.CPU ? cpuRisk : memoryRisk;
        double minMargin = kind == ResourceKind.CPU ? 0 : memoryHeadroom;
        UsageForecast forecast = new UsageForecast(kind, risk);
        double margin = calibratedMargin(forecast, history, risk);
        // The minimum headroom stands for shifts nobody saw coming; a projected growth already is a foreseen one.
        double limit = Math.max(forecast.highPoint(history) * (1 + Math.max(margin, minMargin)),
                forecast.growthProjection(history, history.length) * (1 + margin));
        double expected = Quantiles.recencyWeighted(history, 0.5, history.length / 2.0);
        return new Recommendation(Math.min(expected, limit), limit);
    }

    /**
     * The smallest relative margin m such that at most {@code risk} of the later half exceeds the earlier half's
     * forecast times (1 + m); 0 when the history is too short or the earlier half forecasts nothing to scale.
     */
    private static double calibratedMargin(UsageForecast forecast, double[] history, double risk) {
        if (history.length < MIN_CALIBRATION_SAMPLES) {
            return 0;
        }
        int split = history.length / 2;
        double[] later = Arrays.copyOfRange(history, split, history.length);
        double predicted = forecast.allocation(Arrays.copyOfRange(history, 0, split), later.length);
        if (predicted <= 0) {
            return 0;
        }
        Arrays.sort(later);
        int allowedAbove = (int) Math.floor(risk * later.length);
        double mustCover = later[later.length - 1 - allowedAbove];
        return Math.max(0, mustCover / predicted - 1);
    }

    private static double requireRisk(String name, double risk) {
        if (!(risk > 0 && risk < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + risk);
        }
        return risk;
    }
}
