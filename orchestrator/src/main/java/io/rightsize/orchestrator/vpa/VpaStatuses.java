package io.rightsize.orchestrator.vpa;

import io.fabric8.autoscaling.api.model.v1.RecommendedContainerResources;
import io.fabric8.autoscaling.api.model.v1.RecommendedPodResources;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscalerCondition;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscalerConditionBuilder;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscalerStatus;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscalerStatusBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A VPA's whole status as Rightsize writes it, as upstream's recommender writes its own: the container
 * recommendations and the {@value #PROVIDED} condition, True when any container got one. Where one did not, the
 * condition's message says why, per container. The transition time moves only when the condition's status does.
 */
final class VpaStatuses {

    static final String PROVIDED = "RecommendationProvided";

    private VpaStatuses() {
    }

    static VerticalPodAutoscalerStatus of(List<ContainerOutcome> outcomes, VerticalPodAutoscalerStatus old,
                                          Instant now) {
        List<RecommendedContainerResources> recommendations = outcomes.stream()
                .flatMap(o -> o.recommendation().stream()).toList();
        List<String> missing = outcomes.stream().flatMap(o -> o.missing().stream()).toList();
        String reason;
        String message = missing.isEmpty() ? null : String.join("; ", missing);
        if (outcomes.isEmpty()) {
            reason = "NoContainersNamed";
            message = "name the containers to recommend for in the annotation " + VpaContainers.ANNOTATION
                    + " or in resourcePolicy.containerPolicies";
        } else if (!recommendations.isEmpty()) {
            reason = missing.isEmpty() ? null : "SomeContainersWithoutData";
        } else if (missing.isEmpty()) {
            reason = "AllContainersOff";
            message = "every container it names has mode Off";
        } else {
            reason = "NotEnoughData";
        }
        return status(recommendations, !recommendations.isEmpty(), reason, message, old, now);
    }

    /** For a VPA whose Rightsize settings cannot be read: no recommendation, and the condition says why. */
    static VerticalPodAutoscalerStatus unsupported(String why, VerticalPodAutoscalerStatus old, Instant now) {
        return status(List.of(), false, "ConfigUnsupported", why, old, now);
    }

    private static VerticalPodAutoscalerStatus status(List<RecommendedContainerResources> recommendations,
                                                      boolean provided, String reason, String message,
                                                      VerticalPodAutoscalerStatus old, Instant now) {
        String state = provided ? "True" : "False";
        String since = Optional.ofNullable(old).map(VerticalPodAutoscalerStatus::getConditions).stream()
                .flatMap(List::stream)
                .filter(c -> PROVIDED.equals(c.getType()) && state.equals(c.getStatus()))
                .map(VerticalPodAutoscalerCondition::getLastTransitionTime)
                .findFirst().orElse(now.truncatedTo(ChronoUnit.SECONDS).toString());
        return new VerticalPodAutoscalerStatusBuilder()
                .withConditions(new VerticalPodAutoscalerConditionBuilder().withType(PROVIDED).withStatus(state)
                        .withReason(reason).withMessage(message).withLastTransitionTime(since).build())
                .withRecommendation(recommendations.isEmpty() ? null : new RecommendedPodResources(recommendations))
                .build();
    }
}
