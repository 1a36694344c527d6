package io.rightsize.predictor.model;

/**
 * A step of a training run, for the streaming Train call. Stage "loss" steps are points of an SGD candidate's
 * training-loss curve (candidate, iteration, average loss); the others leave those empty.
 */
public record TrainingProgress(String stage, String message, double fractionDone, String candidate, long iteration,
                               double loss) {

    public TrainingProgress(String stage, String message, double fractionDone) {
        this(stage, message, fractionDone, "", 0, 0);
    }

    static TrainingProgress loss(String candidate, long iteration, double loss, double fractionDone) {
        return new TrainingProgress("loss", candidate + " iteration " + iteration + ": average loss " + loss,
                fractionDone, candidate, iteration, loss);
    }

    public boolean isLoss() {
        return stage.equals("loss");
    }
}
