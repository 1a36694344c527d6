package io.rightsize.predictor.model.candidate;

import org.tribuo.regression.sgd.fm.FMRegressionTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * The factorization machine: a linear model plus a learnt interaction between every pair of features, such as a
 * service and its input size.
 *
 * @param sgd                  how it descends the loss, as the linear candidate does
 * @param factorizedDimensions length of each feature's interaction vector: a few dimensions hold the pairs that
 *                             matter, more only fit noise
 * @param initialVariance      spread of the random initial interaction vectors: small, so training starts close to
 *                             the linear model
 * @param standardiseOutput    whether Tribuo rescales the targets itself: no, they are already divided by their
 *                             99th percentile
 */
public record FactorizationMachineHyperparameters(SgdHyperparameters sgd, int factorizedDimensions,
                                                  double initialVariance, boolean standardiseOutput) {

    /** What every training run uses. */
    public static final FactorizationMachineHyperparameters STANDARD =
            new FactorizationMachineHyperparameters(SgdHyperparameters.STANDARD, 6, 0.1, false);

    public FactorizationMachineHyperparameters {
        if (factorizedDimensions < 1) {
            throw new IllegalArgumentException("factorizedDimensions must be at least 1, got " + factorizedDimensions);
        }
        if (!(initialVariance > 0)) {
            throw new IllegalArgumentException("initialVariance must be positive, got " + initialVariance);
        }
    }

    /** {@code lossInterval}: examples between two reported training-loss points. */
    FMRegressionTrainer trainer(long seed, int lossInterval) {
        return new FMRegressionTrainer(new SquaredLoss(), sgd.optimiser(), sgd.epochs(), lossInterval,
                sgd.minibatchSize(), seed, factorizedDimensions, initialVariance, standardiseOutput);
    }
}
