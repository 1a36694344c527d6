package io.rightsize.predictor.model;

/** A step of a training run, for the streaming Train call. */
public record TrainingProgress(String stage, String message, double fractionDone) {
}
