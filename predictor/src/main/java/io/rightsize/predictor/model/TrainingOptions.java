package io.rightsize.predictor.model;

/** How to train: share of (latest) orders held out, seed, and the coverage the upper bounds must reach. */
public record TrainingOptions(double validationFraction, long seed, double coverage, int version) {
    public TrainingOptions {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation_fraction must be between 0 and 1, got " + validationFraction);
        }
        if (!(coverage > 0 && coverage < 1)) {
            throw new IllegalArgumentException("coverage must be between 0 and 1, got " + coverage);
        }
    }
}
