package io.rightsize.predictor.model;

import java.util.List;

/** A trained model and its held-out predictions (for the predicted-vs-actual plot). */
public record TrainingResult(UsageModel model, List<ValidationPoint> validation) {

    /** One held-out sample: what happened and what the chosen model said, both scaled per resource. */
    public record ValidationPoint(String resource, double actualScaled, double predictedScaled) {
    }
}
