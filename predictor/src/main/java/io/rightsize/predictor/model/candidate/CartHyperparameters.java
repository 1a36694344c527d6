package io.rightsize.predictor.model.candidate;

import org.tribuo.regression.rtree.CARTRegressionTrainer;

/**
 * A single regression tree.
 *
 * @param maxDepth deepest split: levels enough to separate service, resource, input size, parameters and elapsed
 *                 time in turn
 */
public record CartHyperparameters(int maxDepth) {

    /** What every training run uses. */
    public static final CartHyperparameters STANDARD = new CartHyperparameters(12);

    public CartHyperparameters {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, got " + maxDepth);
        }
    }

    CARTRegressionTrainer trainer() {
        return new CARTRegressionTrainer(maxDepth);
    }
}
