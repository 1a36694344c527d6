package io.rightsize.orchestrator.vpa;

import io.fabric8.autoscaling.api.model.v1.ContainerResourcePolicy;
import io.fabric8.autoscaling.api.model.v1.PodResourcePolicy;
import io.fabric8.kubernetes.api.model.Quantity;
import io.rightsize.allocation.recommend.ResourceKind;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What a VPA's {@code resourcePolicy} says about one container, read as upstream's recommender reads it: the policy
 * naming the container, else the {@code "*"} one, else none (both resources, no bounds).
 *
 * @param off        {@code mode: Off}: the container gets no recommendation
 * @param controlled the resources that get values ({@code controlledResources}; cpu and memory when absent or
 *                   empty)
 * @param minAllowed per resource, the least a capped value may be
 * @param maxAllowed per resource, the most a capped value may be
 */
record ContainerPolicy(boolean off, Set<ResourceKind> controlled, Map<ResourceKind, Quantity> minAllowed,
                       Map<ResourceKind, Quantity> maxAllowed) {

    static final String ANY_CONTAINER = "*";
    static final ContainerPolicy NONE = new ContainerPolicy(false, EnumSet.allOf(ResourceKind.class), Map.of(),
            Map.of());

    ContainerPolicy {
        controlled = Set.copyOf(controlled);
        minAllowed = Map.copyOf(minAllowed);
        maxAllowed = Map.copyOf(maxAllowed);
    }

    static ContainerPolicy of(PodResourcePolicy policy, String container) {
        if (policy == null || policy.getContainerPolicies() == null) {
            return NONE;
        }
        ContainerResourcePolicy any = null;
        for (ContainerResourcePolicy p : policy.getContainerPolicies()) {
            if (container.equals(p.getContainerName())) {
                return of(p);
            }
            if (ANY_CONTAINER.equals(p.getContainerName())) {
                any = p;
            }
        }
        return any == null ? NONE : of(any);
    }

    private static ContainerPolicy of(ContainerResourcePolicy p) {
        Set<ResourceKind> controlled = EnumSet.noneOf(ResourceKind.class);
        // The model reads an absent list as empty, so empty means absent here: both resources.
        if (p.getControlledResources() == null || p.getControlledResources().isEmpty()) {
            controlled.addAll(EnumSet.allOf(ResourceKind.class));
        } else {
            p.getControlledResources().forEach(name -> Quantities.kind(name).ifPresent(controlled::add));
        }
        return new ContainerPolicy("Off".equals(p.getMode()), controlled, byKind(p.getMinAllowed()),
                byKind(p.getMaxAllowed()));
    }

    /**
     * {@code value} raised to minAllowed, then lowered to maxAllowed (so max wins where they cross, as upstream);
     * a bound of zero bounds nothing, as upstream.
     */
    Quantity cap(ResourceKind kind, Quantity value) {
        Quantity capped = value;
        Quantity min = minAllowed.get(kind);
        if (min != null && !isZero(min) && capped.compareTo(min) < 0) {
            capped = min;
        }
        Quantity max = maxAllowed.get(kind);
        if (max != null && !isZero(max) && capped.compareTo(max) > 0) {
            capped = max;
        }
        return capped;
    }

    private static boolean isZero(Quantity q) {
        return q.getNumericalAmount().signum() == 0;
    }

    private static Map<ResourceKind, Quantity> byKind(Map<String, Quantity> resources) {
        Map<ResourceKind, Quantity> byKind = new EnumMap<>(ResourceKind.class);
        if (resources != null) {
            resources.forEach((name, q) -> Quantities.kind(name).ifPresent(kind -> byKind.put(kind, q)));
        }
        return byKind;
    }
}
