package io.rightsize.predictor.model;

import io.rightsize.common.messaging.Resource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Split-conformal upper bounds, normalised: the score of a held-out sample is its error relative to the prediction,
 * (actual - predicted) / max(predicted, floor), and its quantile per service and resource scales each new
 * prediction. An image task's error grows with its input, so one absolute margin per service would be far too wide
 * for small inputs and too narrow for large ones; the floor (a share of the resource's usual size) keeps a margin
 * where the prediction is near zero. With n scores the ceil((n+1)c)-th smallest one bounds a new sample with
 * probability >= c. Pairs with few scores use the resource's pooled quantile.
 *
 * <p>{@code floors} is null in models saved before normalisation: their quantiles are absolute margins.
 */
public record Calibration(double coverage, Map<String, Double> byServiceResource, Map<Resource, Double> pooled,
                          Map<Resource, Double> floors) {

    static final int MIN_RESIDUALS = 20;
    /** The floor as a share of the resource's target scale (its 99th percentile in training). */
    static final double FLOOR_SHARE = 0.05;

    /** The usage a new sample stays under with the stated coverage, given the model's prediction. */
    public double bound(String service, Resource resource, double predicted) {
        double q = Math.max(0, quantile(service, resource));
        if (floors == null) {
            return predicted + q;
        }
        return predicted + q * Math.max(predicted, floors.getOrDefault(resource, 0.0));
    }

    private double quantile(String service, Resource resource) {
        return GroupedQuantiles.lookup(byServiceResource, pooled, service, resource, 0.0);
    }

    /** Each resource's floor: {@link #FLOOR_SHARE} of its target scale. */
    static Map<Resource, Double> floors(Map<Resource, Double> scales) {
        Map<Resource, Double> floors = new HashMap<>();
        scales.forEach((resource, scale) -> floors.put(resource, FLOOR_SHARE * scale));
        return floors;
    }

    /** @param scales each resource's target scale, whose {@link #FLOOR_SHARE} is the floor */
    static Calibration fit(double coverage, List<Residual> residuals, Map<Resource, Double> scales) {
        Map<Resource, Double> floors = floors(scales);
        GroupedQuantiles scores = new GroupedQuantiles();
        for (Residual r : residuals) {
            double score = r.error() / Math.max(r.predicted(), floors.getOrDefault(r.resource(), 0.0));
            if (!Double.isFinite(score)) {
                // Nothing predicted and no floor (a resource never used in training): the absolute error stands in.
                score = r.error();
            }
            scores.add(r.service(), r.resource(), score);
        }
        return new Calibration(coverage, scores.byServiceResource(coverage, MIN_RESIDUALS), scores.pooled(coverage),
                floors);
    }

    /** The conformal quantile: the ceil((n+1)c)-th smallest value, the largest when that exceeds n. */
    static double quantile(List<Double> values, double coverage) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int k = (int) Math.ceil((sorted.length + 1) * coverage);
        return sorted[Math.min(Math.max(k, 1), sorted.length) - 1];
    }

    /** One held-out sample, in the resource's own unit: what was predicted and by how much the sample exceeded it. */
    record Residual(String service, Resource resource, double predicted, double error) {
    }
}
