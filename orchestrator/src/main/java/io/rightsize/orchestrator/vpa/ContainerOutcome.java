package io.rightsize.orchestrator.vpa;

import io.fabric8.autoscaling.api.model.v1.RecommendedContainerResources;
import java.util.Optional;

/**
 * What one container of a VPA gets: a recommendation, nothing because its policy turns it off, or nothing for a
 * reason the VPA's status states ("not enough data" is a result, not an error); {@code missing} also says why a
 * recommendation lacks a controlled resource.
 */
record ContainerOutcome(String container, Optional<RecommendedContainerResources> recommendation,
                        Optional<String> missing) {

    /** @param lacking why a controlled resource has no value, empty when none lacks one */
    static ContainerOutcome recommended(RecommendedContainerResources recommendation, Optional<String> lacking) {
        String container = recommendation.getContainerName();
        return new ContainerOutcome(container, Optional.of(recommendation), lacking.map(why -> container + ": " + why));
    }

    /** {@code mode: Off}: left out on purpose, nothing to report. */
    static ContainerOutcome off(String container) {
        return new ContainerOutcome(container, Optional.empty(), Optional.empty());
    }

    static ContainerOutcome missing(String container, String why) {
        return new ContainerOutcome(container, Optional.empty(), Optional.of(container + ": " + why));
    }
}
