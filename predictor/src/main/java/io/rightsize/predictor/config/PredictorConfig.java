package io.rightsize.predictor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Predictor settings, overridable by environment (RIGHTSIZE_PREDICTOR_...). */
@ConfigMapping(prefix = "rightsize.predictor")
public interface PredictorConfig {

    /** Where the chosen model, its metadata and the training plots are kept. */
    Path modelDir();

    /**
     * Coverage of the calibrated bounds: the share of runs whose peak stays under the limit Recommend gives, and
     * of samples under the bound Predict gives.
     */
    @WithDefault("0.95")
    double coverage();

    /** Recommender used by Recommend: auto (the stored-data backtest winner), rightsize-ml, rightsize, vpa, krr, seed-max. */
    @WithDefault("auto")
    String recommender();

    /** Share of the latest orders held out for validation, calibration and the backtest. */
    @WithDefault("0.25")
    double validationFraction();

    /** Seed of every random choice in training, so a training run is repeatable. */
    @WithDefault("42")
    long seed();

    /** Earlier runs of a service a heuristic needs before its history replaces the default (few runs say little). */
    @WithDefault("3")
    int minHistoryRuns();

    /** Used when a service has too little history. */
    DefaultAllocation defaultAllocation();

    /** The least and the most any recommendation hands a task. */
    BoundsConfig bounds();

    /** Each maximum defaults to this machine's capacity (cores, physical memory); each minimum to 10m and 32 MiB. */
    interface BoundsConfig {
        Optional<Long> minCpuMillicores();

        Optional<Long> maxCpuMillicores();

        Optional<Long> minMemoryBytes();

        Optional<Long> maxMemoryBytes();
    }

    interface DefaultAllocation {
        @WithDefault("500")
        long cpuRequestMillicores();

        @WithDefault("2000")
        long cpuLimitMillicores();

        @WithDefault("268435456")
        long memoryRequestBytes();

        @WithDefault("1073741824")
        long memoryLimitBytes();

        /** Duration assumed for a service never seen. */
        @WithDefault("10")
        double expectedSeconds();
    }
}
