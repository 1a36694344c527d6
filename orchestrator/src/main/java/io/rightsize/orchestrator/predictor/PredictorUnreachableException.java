package io.rightsize.orchestrator.predictor;

/**
 * The predictor did not answer in time or could not be reached: unlike a refusal, this says nothing about the order
 * and is likely to repeat, so it counts towards opening the client's circuit breaker.
 */
public class PredictorUnreachableException extends NoRecommendationException {

    public PredictorUnreachableException(String message) {
        super(message);
    }
}
