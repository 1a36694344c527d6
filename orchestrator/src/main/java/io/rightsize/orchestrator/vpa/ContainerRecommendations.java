package io.rightsize.orchestrator.vpa;

import io.fabric8.autoscaling.api.model.v1.RecommendedContainerResources;
import io.fabric8.autoscaling.api.model.v1.RecommendedContainerResourcesBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.rightsize.allocation.policy.ServiceUsage;
import io.rightsize.allocation.recommend.Recommendation;
import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One container's recommendation from its service's stored samples. The target is the recommender's limit, its
 * allocation at the configured risk: a high point, as VPA's own target is, which VPA then applies as the request.
 * Lower and upper bound are the recommender's band around it (the target itself for a recommender without a band).
 * Target and bounds are capped by the container's policy; uncappedTarget is the target before it. Only controlled
 * resources get values, as upstream. The stored samples are task runs one after another, not one time series, so
 * the recommendation is for until further notice: the recommender's whole-history rule, not its recent-level one.
 */
final class ContainerRecommendations {

    private final Recommender recommender;
    private final int minHistoryRuns;

    /** @param minHistoryRuns the allocation policy's minimum history: fewer runs recommend nothing */
    ContainerRecommendations(Recommender recommender, int minHistoryRuns) {
        this.recommender = recommender;
        this.minHistoryRuns = minHistoryRuns;
    }

    ContainerOutcome of(VpaContainers.Named named, ContainerPolicy policy, ServiceUsage usage) {
        String container = named.container();
        String service = named.service();
        if (policy.off()) {
            return ContainerOutcome.off(container);
        }
        if (policy.controlled().isEmpty()) {
            return ContainerOutcome.missing(container, "its controlledResources name neither cpu nor memory");
        }
        if (usage.runs() == 0) {
            return ContainerOutcome.missing(container, "Rightsize holds no samples of service '" + service + "'");
        }
        if (usage.runs() < minHistoryRuns) {
            return ContainerOutcome.missing(container, String.format(Locale.ROOT, "service '%s' has samples of %d"
                    + " runs, fewer than the %d rightsize.allocation.min-history-runs asks for", service,
                    usage.runs(), minHistoryRuns));
        }
        Map<String, Quantity> target = new LinkedHashMap<>();
        Map<String, Quantity> lower = new LinkedHashMap<>();
        Map<String, Quantity> upper = new LinkedHashMap<>();
        Map<String, Quantity> uncapped = new LinkedHashMap<>();
        List<String> lacking = new ArrayList<>();
        for (ResourceKind kind : ResourceKind.values()) {
            if (!policy.controlled().contains(kind)) {
                continue;
            }
            String name = Quantities.name(kind);
            double[] samples = kind == ResourceKind.CPU ? usage.cpuMillicores() : usage.memoryBytes();
            Optional<Recommendation> r = samples.length == 0 ? Optional.empty()
                    : recommender.recommendIfEnough(kind, Recommender.evenlySpaced(samples.length), samples,
                            Recommender.UNTIL_FURTHER_NOTICE);
            if (r.isEmpty()) {
                lacking.add(samples.length == 0 ? "no " + name + " samples of service '" + service + "'"
                        : String.format(Locale.ROOT, "%d %s samples of service '%s', fewer than the %d %s needs",
                                samples.length, name, service, recommender.minimumSamples(), recommender.name()));
                continue;
            }
            Quantity value = Quantities.of(kind, r.get().limit());
            uncapped.put(name, value);
            target.put(name, policy.cap(kind, value));
            lower.put(name, policy.cap(kind, Quantities.of(kind, r.get().lowerBound())));
            upper.put(name, policy.cap(kind, Quantities.of(kind, r.get().upperBound())));
        }
        if (target.isEmpty()) {
            return ContainerOutcome.missing(container, String.join("; ", lacking));
        }
        RecommendedContainerResources recommendation = new RecommendedContainerResourcesBuilder()
                .withContainerName(container).withTarget(target).withLowerBound(lower).withUpperBound(upper)
                .withUncappedTarget(uncapped).build();
        return ContainerOutcome.recommended(recommendation,
                lacking.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", lacking)));
    }
}
