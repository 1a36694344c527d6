package io.rightsize.predictor.model;

import io.rightsize.common.messaging.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Conformal scores grouped as both calibrations group them: per service and resource, and per resource over all
 * services. A pair gets its own quantile once it has enough scores; the others share the resource's pooled one.
 */
final class GroupedQuantiles {

    private final Map<String, List<Double>> byPair = new HashMap<>();
    private final Map<Resource, List<Double>> byResource = new HashMap<>();

    void add(String service, Resource resource, double score) {
        byPair.computeIfAbsent(key(service, resource), k -> new ArrayList<>()).add(score);
        byResource.computeIfAbsent(resource, k -> new ArrayList<>()).add(score);
    }

    /** The quantile of each pair with at least {@code minScores} scores, by {@link #key}. */
    Map<String, Double> byServiceResource(double coverage, int minScores) {
        Map<String, Double> pairs = new HashMap<>();
        byPair.forEach((k, scores) -> {
            if (scores.size() >= minScores) {
                pairs.put(k, Calibration.quantile(scores, coverage));
            }
        });
        return pairs;
    }

    /** The quantile of each resource's scores over all services. */
    Map<Resource, Double> pooled(double coverage) {
        Map<Resource, Double> pooled = new HashMap<>();
        byResource.forEach((resource, scores) -> pooled.put(resource, Calibration.quantile(scores, coverage)));
        return pooled;
    }

    /** The pair's own quantile if it has one, else the resource's pooled one, else {@code otherwise}. */
    static double lookup(Map<String, Double> byServiceResource, Map<Resource, Double> pooled, String service,
                         Resource resource, double otherwise) {
        Double specific = byServiceResource.get(key(service, resource));
        return specific != null ? specific : pooled.getOrDefault(resource, otherwise);
    }

    static String key(String service, Resource resource) {
        return service + "|" + resource.name();
    }
}
