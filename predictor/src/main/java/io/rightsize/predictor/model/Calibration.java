package io.rightsize.predictor.model;

import io.rightsize.common.messaging.Resource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Split-conformal upper bounds: the residual (actual - predicted) quantile, per service and resource, measured on
 * held-out orders. With n residuals the ceil((n+1)c)-th smallest one bounds a new sample with probability >= c.
 * Pairs with few residuals use the resource's pooled quantile.
 */
public record Calibration(double coverage, Map<String, Double> byServiceResource, Map<Resource, Double> pooled) {

    static final int MIN_RESIDUALS = 20;

    public double offset(String service, Resource resource) {
        Double specific = byServiceResource.get(key(service, resource));
        if (specific != null) {
            return specific;
        }
        return pooled.getOrDefault(resource, 0.0);
    }

    static Calibration fit(double coverage, List<Residual> residuals) {
        Map<String, List<Double>> byPair = new HashMap<>();
        Map<Resource, List<Double>> byResource = new HashMap<>();
        for (Residual r : residuals) {
            byPair.computeIfAbsent(key(r.service(), r.resource()), k -> new ArrayList<>()).add(r.value());
            byResource.computeIfAbsent(r.resource(), k -> new ArrayList<>()).add(r.value());
        }
        Map<String, Double> pairs = new HashMap<>();
        byPair.forEach((k, v) -> {
            if (v.size() >= MIN_RESIDUALS) {
                pairs.put(k, quantile(v, coverage));
            }
        });
        Map<Resource, Double> pooled = new HashMap<>();
        byResource.forEach((k, v) -> pooled.put(k, quantile(v, coverage)));
        return new Calibration(coverage, pairs, pooled);
    }

    /** The conformal quantile: the ceil((n+1)c)-th smallest value, the largest when that exceeds n. */
    static double quantile(List<Double> values, double coverage) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int k = (int) Math.ceil((sorted.length + 1) * coverage);
        return sorted[Math.min(Math.max(k, 1), sorted.length) - 1];
    }

    private static String key(String service, Resource resource) {
        return service + "|" + resource.name();
    }

    /** One held-out sample's error, actual minus predicted, in the resource's own unit. */
    record Residual(String service, Resource resource, double value) {
    }
}
