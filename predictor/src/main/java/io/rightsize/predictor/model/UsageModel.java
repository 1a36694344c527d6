package io.rightsize.predictor.model;

import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.features.FeatureSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.regression.Regressor;

/** A trained model ready to answer: predictions in the resource's own unit, and calibrated upper bounds. */
public final class UsageModel {

    /** The step of a predicted run ({@link #overRun}), half the sampling interval. */
    public static final double STEP_SECONDS = 0.5;
    /** How much larger than the smallest trained input the largest must be before memory is extrapolated. */
    static final long MIN_RANGE_FOR_SLOPE = 2;

    private final Model<Regressor> model;
    private final ModelMetadata metadata;
    private final FeatureSpace features;

    public UsageModel(Model<Regressor> model, ModelMetadata metadata) {
        this.model = model;
        this.metadata = metadata;
        if (model instanceof XGBoostModel<Regressor> boosted) {
            // Answers are one example or one short run at a time: too small to share among threads, and an OpenMP
            // team per calling event-loop thread would compete with the gRPC server for the cores.
            boosted.setNumThreads(1);
        }
        this.features = new FeatureSpace(Set.copyOf(metadata.services()),
                metadata.paramFeatures() == null ? List.of() : metadata.paramFeatures());
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    Model<Regressor> tribuoModel() {
        return model;
    }

    public boolean knows(String service) {
        return features.knows(service);
    }

    /**
     * Expected usage; never negative. {@code inputPixels} is the task's input size, 0 when unknown (then the
     * largest input the service was trained on is assumed, so an unknown input is never taken for a small one).
     * Memory for an input larger than any the service was trained on is extrapolated ({@link #overRun}).
     */
    public double predict(Set<String> orderServices, String service, long inputPixels, Map<String, Double> params,
                          Resource resource, double elapsedSeconds) {
        long pixels = metadata.inputPixelsOrLargest(service, inputPixels);
        if (extrapolates(service, pixels, resource)) {
            return predictAt(orderServices, service, pixels, params, resource, new double[] {elapsedSeconds})[0];
        }
        double scaled = model.predict(features.query(orderServices, service, pixels, params, resource,
                        elapsedSeconds))
                .getOutput().getValues()[0];
        return Math.max(0, scaled * metadata.targetScales().getOrDefault(resource, 1.0));
    }

    /**
     * Expected usage every half second of a run of the given length, predicted in one batch. Samples are taken
     * once a second at whatever phase the task started in, so a model asked only at whole seconds can fall between
     * them and answer from the sample before (a start-up second) where usage is already high. Trees predict a constant
     * beyond the largest input they were trained on, so memory for a larger input is extended along the line
     * through the model's own predictions at the service's smallest and largest trained inputs (an image task
     * holds its pixels; a larger image needs more); it is never below the model's answer.
     */
    public double[] overRun(Set<String> orderServices, String service, long inputPixels, Map<String, Double> params,
                            Resource resource, double seconds) {
        int n = (int) Math.ceil(Math.max(1, seconds) / STEP_SECONDS);
        double[] times = new double[n + 1];
        Arrays.setAll(times, i -> i * STEP_SECONDS);
        return predictAt(orderServices, service, metadata.inputPixelsOrLargest(service, inputPixels), params, resource,
                times);
    }

    /**
     * Whether this answer is extrapolated: memory, beyond the service's largest trained input, and a trained range
     * wide enough (the largest at least twice the smallest) that the slope along it is not a step of noise
     * multiplied many times over.
     */
    boolean extrapolates(String service, long pixels, Resource resource) {
        ModelMetadata.InputRange range = metadata.trainedInputs() == null ? null
                : metadata.trainedInputs().get(service);
        return resource == Resource.MEMORY_BYTES && range != null && pixels > range.largest()
                && range.largest() >= MIN_RANGE_FOR_SLOPE * range.smallest();
    }

    private double[] predictAt(Set<String> orderServices, String service, long pixels, Map<String, Double> params,
                               Resource resource, double[] times) {
        boolean extrapolate = extrapolates(service, pixels, resource);
        ModelMetadata.InputRange range = extrapolate ? metadata.trainedInputs().get(service) : null;
        long[] sizes = extrapolate ? new long[] {pixels, range.largest(), range.smallest()} : new long[] {pixels};
        List<Example<Regressor>> examples = new ArrayList<>(times.length * sizes.length);
        for (long size : sizes) {
            for (double t : times) {
                examples.add(features.query(orderServices, service, size, params, resource, t));
            }
        }
        double scale = metadata.targetScales().getOrDefault(resource, 1.0);
        double[] all = model.predict(examples).stream()
                .mapToDouble(p -> Math.max(0, p.getOutput().getValues()[0] * scale)).toArray();
        double[] result = Arrays.copyOf(all, times.length);
        if (extrapolate) {
            double stretch = (double) (pixels - range.largest()) / (range.largest() - range.smallest());
            for (int t = 0; t < times.length; t++) {
                double atLargest = all[times.length + t];
                double growth = Math.max(0, atLargest - all[2 * times.length + t]);
                result[t] = Math.max(result[t], atLargest + stretch * growth);
            }
        }
        return result;
    }

    /**
     * The limit for a run already predicted (by {@link #overRun}): its peak scaled by the run-level calibration, so
     * the whole run stays under it with the stated coverage. Models saved before that calibration existed use the
     * highest of the single-sample bounds over the run.
     */
    public double limit(double[] predictedRun, String service, Resource resource) {
        return limit(metadata.peakCalibration(), predictedRun, service, resource);
    }

    /** The same with a given run-level calibration (the trainer's backtest judges one fitted without its orders). */
    double limit(PeakCalibration peaks, double[] predictedRun, String service, Resource resource) {
        if (peaks != null) {
            return peaks.limit(service, resource, Arrays.stream(predictedRun).max().orElse(0));
        }
        return Arrays.stream(predictedRun).map(predicted -> upperBound(predicted, service, resource)).max().orElse(0);
    }

    /** Usage that a new sample stays under with the model's stated coverage. */
    public double upperBound(Set<String> orderServices, String service, long inputPixels, Map<String, Double> params,
                             Resource resource, double elapsedSeconds) {
        return upperBound(predict(orderServices, service, inputPixels, params, resource, elapsedSeconds), service,
                resource);
    }

    /** The same bound from a prediction already made, so a caller that needs both evaluates the model once. */
    public double upperBound(double predicted, String service, Resource resource) {
        return metadata.calibration().bound(service, resource, predicted);
    }
}
