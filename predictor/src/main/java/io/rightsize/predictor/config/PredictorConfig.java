package io.rightsize.predictor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

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

    /** Recommender used by Recommend: auto (the stored-data backtest winner) or one RecommenderRegistry names. */
    @WithDefault("auto")
    String recommender();

    /** Share of the latest orders held out for validation, calibration and the backtest. */
    @WithDefault("0.25")
    double validationFraction();

    /** Seed of every random choice in training, so a training run is repeatable. */
    @WithDefault("42")
    long seed();
}
