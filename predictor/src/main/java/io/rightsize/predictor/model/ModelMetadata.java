package io.rightsize.predictor.model;

import io.rightsize.allocation.backtest.ScaledScore;
import io.rightsize.common.messaging.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything about a trained model besides its weights: what it was trained on, how well it did, how to use it.
 * {@code largestInputPixels} per service stands in for an input whose size is not known (null in models saved
 * before input sizes were recorded). {@code calibration} bounds single samples (Predict); {@code peakCalibration}
 * sets limits for whole runs (Recommend; null in models saved before it, which use the peak of the sample bounds).
 * {@code trainedInputs}: the known input sizes each service was trained on, beyond which memory is extrapolated
 * (null in models saved before, which do not extrapolate). {@code paramFeatures}: the task parameters the model
 * sees, each as service.name (null in models saved before it saw any).
 */
public record ModelMetadata(int version, String algorithm, Instant trainedAt, long trainingRows, long validationRows,
                            List<String> services, Map<Resource, Double> targetScales, Map<String, Double> expectedSeconds,
                            Calibration calibration, List<ResourceError> errors, List<CandidateScore> candidates,
                            List<BacktestScore> backtest, String defaultRecommender, String tribuoVersion,
                            Map<String, Long> largestInputPixels, PeakCalibration peakCalibration,
                            Map<String, InputRange> trainedInputs, List<String> paramFeatures) {

    /** The input size a query without one is answered for: the largest the service was seen with, or 0. */
    public long inputPixelsOrLargest(String service, long inputPixels) {
        return inputPixelsOrLargest(largestInputPixels, service, inputPixels);
    }

    /** The same rule for training, before the metadata exists; {@code largest} may be null (an older model). */
    static long inputPixelsOrLargest(Map<String, Long> largest, String service, long inputPixels) {
        if (inputPixels > 0 || largest == null) {
            return Math.max(0, inputPixels);
        }
        return largest.getOrDefault(service, 0L);
    }

    /** The smallest and largest known input, in pixels, among a service's training samples. */
    public record InputRange(long smallest, long largest) {
    }

    /** Validation error of the chosen model for one resource, in that resource's unit. */
    public record ResourceError(Resource resource, double rmse, double mae, double coverage) {
    }

    /** How one candidate algorithm did on the held-out orders. */
    public record CandidateScore(String algorithm, double scaledRmse, double trainSeconds) {
    }

    /**
     * One recommender's allocation judged on the test orders' samples. {@code equalOverrun}: the same allocations
     * scaled by one factor to the lowest overrun any recommender reached on that resource, so slack compares at
     * equal overrun (null when no factor reaches it, and in models saved before it was computed).
     * {@code lostTimePct}: the run time lost by running short ({@link io.rightsize.allocation.backtest.LostTime});
     * null in models saved before it was measured.
     */
    public record BacktestScore(String recommender, Resource resource, double slackPct, double overrunPct,
                                int series, ScaledScore equalOverrun, Double lostTimePct) {

        public BacktestScore(String recommender, Resource resource, double slackPct, double overrunPct, int series) {
            this(recommender, resource, slackPct, overrunPct, series, null, null);
        }

        /**
         * What the backtest winner minimises: slack plus {@value RecommenderChoice#RUNNING_SHORT_WEIGHT} times the
         * time lost running short (the share of samples over the limit in models saved before that was measured).
         */
        public double cost() {
            return slackPct + RecommenderChoice.RUNNING_SHORT_WEIGHT * (lostTimePct != null ? lostTimePct : overrunPct);
        }
    }
}
