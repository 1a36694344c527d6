package io.rightsize.cli.report;

import io.rightsize.allocation.policy.Quantity;
import io.rightsize.allocation.policy.Rounding;
import io.rightsize.allocation.recommend.Recommendation;
import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.ResourceKind;
import io.rightsize.allocation.trace.Series;
import io.rightsize.common.messaging.Allocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A recommender's requests and limits for each container of a set of usage series named {@code workload/container}
 * (as read from Prometheus), computed here rather than asked of the predictor: the allocation stands until further
 * notice, so it covers the whole history, rounded as every allocation is ({@link Rounding}).
 */
public final class UsageRecommendations {

    private UsageRecommendations() {
    }

    public static Recommendations of(Recommender recommender, List<Series> series) {
        Map<String, Map<ResourceKind, Series>> byName = new TreeMap<>();
        series.forEach(s -> byName.computeIfAbsent(s.service(), n -> new TreeMap<>())
                .put(ResourceKind.ofResourceName(s.resource()), s));
        List<Recommendations.TaskResources> rows = new ArrayList<>();
        for (Map.Entry<String, Map<ResourceKind, Series>> entry : byName.entrySet()) {
            String name = entry.getKey();
            int slash = name.lastIndexOf('/');
            rows.add(row(recommender, rows.size(), slash < 0 ? name : name.substring(0, slash),
                    slash < 0 ? null : name.substring(slash + 1), entry.getValue()));
        }
        return new Recommendations(recommender.name(), rows);
    }

    private static Recommendations.TaskResources row(Recommender recommender, int position, String workload,
                                                     String container, Map<ResourceKind, Series> usage) {
        Optional<Recommendation> cpu = recommend(recommender, ResourceKind.CPU, usage.get(ResourceKind.CPU));
        Optional<Recommendation> memory = recommend(recommender, ResourceKind.MEMORY, usage.get(ResourceKind.MEMORY));
        // Rounding takes both; a missing one is rounded as zero and then left out.
        Allocation a = Rounding.of(cpu.orElse(Recommendation.of(0)), memory.orElse(Recommendation.of(0)),
                recommender.name());
        Recommendations.Resources requests = new Recommendations.Resources(
                cpu.map(r -> Quantity.cpuText(a.cpuRequestMillicores())).orElse(null),
                memory.map(r -> Quantity.memoryText(a.memoryRequestBytes())).orElse(null));
        Recommendations.Resources limits = new Recommendations.Resources(
                cpu.map(r -> Quantity.cpuText(a.cpuLimitMillicores())).orElse(null),
                memory.map(r -> Quantity.memoryText(a.memoryLimitBytes())).orElse(null));
        return new Recommendations.TaskResources(position, workload, container, requests, limits,
                basis(recommender, usage, cpu.isPresent(), memory.isPresent()));
    }

    private static Optional<Recommendation> recommend(Recommender recommender, ResourceKind kind, Series series) {
        if (series == null || series.values().length == 0) {
            return Optional.empty();
        }
        double scale = ResourceKind.toCanonical(series.resource());
        double[] canonical = Arrays.stream(series.values()).map(v -> v * scale).toArray();
        return recommender.recommendIfEnough(kind, series.timestamps(), canonical, Recommender.UNTIL_FURTHER_NOTICE);
    }

    /** How much history each figure stands on, and why one is missing. */
    private static String basis(Recommender recommender, Map<ResourceKind, Series> usage, boolean cpu,
                                boolean memory) {
        List<String> parts = new ArrayList<>();
        for (ResourceKind kind : ResourceKind.values()) {
            Series s = usage.get(kind);
            String resource = kind.name().toLowerCase(Locale.ROOT);
            int n = s == null ? 0 : s.values().length;
            if (n == 0) {
                parts.add("no " + resource + " samples");
            } else if (kind == ResourceKind.CPU ? !cpu : !memory) {
                parts.add(String.format(Locale.ROOT, "%d %s samples, fewer than the %d %s needs", n, resource,
                        recommender.minimumSamples(), recommender.name()));
            } else {
                parts.add(String.format(Locale.ROOT, "%d %s samples over %.1f h", n, resource,
                        (s.timestamps()[n - 1] - s.timestamps()[0]) / 3600.0));
            }
        }
        return String.join(", ", parts);
    }
}
