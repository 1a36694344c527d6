package io.rightsize.orchestrator.predictor;

/** The predictor gave no usable answer; the message says why, for the log line that explains the fallback. */
public class NoRecommendationException extends Exception {

    public NoRecommendationException(String message) {
        super(message);
    }
}
