package io.rightsize.predictor.model;

import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.features.FeatureSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.regression.Regressor;

/** A trained model ready to answer: predictions in the resource's own unit, and calibrated upper bounds. */
public final class UsageModel {

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
        this.features = new FeatureSpace(Set.copyOf(metadata.services()));
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
     */
    public double predict(Set<String> orderServices, String service, long inputPixels, Resource resource,
                          double elapsedSeconds) {
        double scaled = model.predict(features.query(orderServices, service,
                        metadata.inputPixelsOrLargest(service, inputPixels), resource, elapsedSeconds))
                .getOutput().getValues()[0];
        return Math.max(0, scaled * metadata.targetScales().getOrDefault(resource, 1.0));
    }

    /** Expected usage at each second of a run of the given length, predicted in one batch. */
    public double[] overRun(Set<String> orderServices, String service, long inputPixels, Resource resource,
                            double seconds) {
        int n = (int) Math.ceil(Math.max(1, seconds));
        long pixels = metadata.inputPixelsOrLargest(service, inputPixels);
        List<Example<Regressor>> examples = new ArrayList<>(n + 1);
        for (int t = 0; t <= n; t++) {
            examples.add(features.query(orderServices, service, pixels, resource, t));
        }
        double scale = metadata.targetScales().getOrDefault(resource, 1.0);
        return model.predict(examples).stream()
                .mapToDouble(p -> Math.max(0, p.getOutput().getValues()[0] * scale)).toArray();
    }

    /** Highest upper bound over a run: a limit that every second of the run stays under with the stated coverage. */
    public double peakUpperBoundOverRun(Set<String> orderServices, String service, long inputPixels,
                                        Resource resource, double seconds) {
        return peakUpperBound(overRun(orderServices, service, inputPixels, resource, seconds), service, resource);
    }

    /** The highest upper bound over a run already predicted (by {@link #overRun}). */
    public double peakUpperBound(double[] predictedRun, String service, Resource resource) {
        return Arrays.stream(predictedRun).map(predicted -> upperBound(predicted, service, resource)).max().orElse(0);
    }

    /** Usage that a new sample stays under with the model's stated coverage. */
    public double upperBound(Set<String> orderServices, String service, long inputPixels, Resource resource,
                             double elapsedSeconds) {
        return upperBound(predict(orderServices, service, inputPixels, resource, elapsedSeconds), service, resource);
    }

    /** The same bound from a prediction already made, so a caller that needs both evaluates the model once. */
    public double upperBound(double predicted, String service, Resource resource) {
        return metadata.calibration().bound(service, resource, predicted);
    }
}
