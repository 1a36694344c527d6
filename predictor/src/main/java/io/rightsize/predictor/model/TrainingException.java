package io.rightsize.predictor.model;

/** Training cannot run on the data at hand (e.g. fewer than two orders); the message says what is missing. */
public class TrainingException extends RuntimeException {
    public TrainingException(String message) {
        super(message);
    }
}
