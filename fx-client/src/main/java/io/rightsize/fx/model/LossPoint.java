package io.rightsize.fx.model;

/** A point of an SGD candidate's training-loss curve, as the predictor streams it while training. */
public record LossPoint(String candidate, long iteration, double loss) {
}
