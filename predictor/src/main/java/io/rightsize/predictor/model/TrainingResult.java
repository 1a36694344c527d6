package io.rightsize.predictor.model;

import java.util.List;

/** A trained model, its held-out predictions and the SGD candidates' training-loss curves (for the plots). */
public record TrainingResult(UsageModel model, List<ValidationPoint> validation, List<LossPoint> lossCurves) {

    /** One held-out sample: what happened and what the chosen model said, both scaled per resource. */
    public record ValidationPoint(String resource, double actualScaled, double predictedScaled) {
    }

    /** The running average training loss of an SGD candidate after this many examples. */
    public record LossPoint(String candidate, long iteration, double loss) {
    }
}
