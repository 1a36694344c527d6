package io.rightsize.predictor.model.candidate;

import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * How the SGD candidates (linear and factorization machine) descend the squared loss, with AdaGrad steps.
 *
 * @param epochs              passes over the training rows: the loss curve, a few points a pass, shows whether
 *                            they were enough
 * @param initialLearningRate AdaGrad's first step: it then shrinks each feature's step by that feature's gradient
 *                            history, so one rate suits every feature once they are scaled to [0,1]
 * @param epsilon             AdaGrad's guard against dividing by a gradient history still near zero
 * @param minibatchSize       examples per step: one, plain SGD, which is also what the loss interval counts in
 */
public record SgdHyperparameters(int epochs, double initialLearningRate, double epsilon, int minibatchSize) {

    /** What every training run uses. */
    public static final SgdHyperparameters STANDARD = new SgdHyperparameters(15, 0.1, 0.1, 1);

    public SgdHyperparameters {
        if (epochs < 1 || minibatchSize < 1) {
            throw new IllegalArgumentException("epochs and minibatchSize must be at least 1, got " + epochs + " and "
                    + minibatchSize);
        }
        if (!(initialLearningRate > 0) || !(epsilon > 0)) {
            throw new IllegalArgumentException("initialLearningRate and epsilon must be positive, got "
                    + initialLearningRate + " and " + epsilon);
        }
    }

    /** A fresh optimiser: AdaGrad keeps each training's gradient history in itself. */
    AdaGrad optimiser() {
        return new AdaGrad(initialLearningRate, epsilon);
    }

    /** {@code lossInterval}: examples between two reported training-loss points. */
    LinearSGDTrainer linearTrainer(long seed, int lossInterval) {
        return new LinearSGDTrainer(new SquaredLoss(), optimiser(), epochs, lossInterval, minibatchSize, seed);
    }
}
