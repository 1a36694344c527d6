package io.rightsize.orchestrator.vpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.autoscaling.api.model.v1.RecommendedContainerResources;
import io.fabric8.autoscaling.api.model.v1.RecommendedContainerResourcesBuilder;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscalerCondition;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscalerStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status written for a VPA's outcomes: recommendations and the RecommendationProvided condition. */
class VpaStatusesTest {

    private static final Instant EARLIER = Instant.parse("2026-12-06T07:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-06T07:01:00.250Z");
    private static final RecommendedContainerResources WEB = new RecommendedContainerResourcesBuilder()
            .withContainerName("web").withTarget(Map.of("cpu", new Quantity("250m"))).build();

    @Test
    void providedWhenEveryContainerGotOne() {
        VerticalPodAutoscalerStatus status = VpaStatuses.of(List.of(ContainerOutcome.recommended(WEB,
                Optional.empty()), ContainerOutcome.off("sidecar")), null, NOW);

        assertEquals(List.of(WEB), status.getRecommendation().getContainerRecommendations());
        VerticalPodAutoscalerCondition condition = condition(status);
        assertEquals("True", condition.getStatus());
        assertNull(condition.getReason());
        assertNull(condition.getMessage());
        assertEquals("2026-12-06T07:01:00Z", condition.getLastTransitionTime());
    }

    @Test
    void providedWithTheReasonWhenSomeContainerGotNone() {
        VerticalPodAutoscalerStatus status = VpaStatuses.of(List.of(ContainerOutcome.recommended(WEB,
                Optional.empty()), ContainerOutcome.missing("idle", "no samples")), null, NOW);

        assertEquals("True", condition(status).getStatus());
        assertEquals("SomeContainersWithoutData", condition(status).getReason());
        assertEquals("idle: no samples", condition(status).getMessage());
    }

    @Test
    void notProvidedWithoutAnyRecommendation() {
        VerticalPodAutoscalerStatus none = VpaStatuses.of(List.of(ContainerOutcome.missing("idle", "no samples"),
                ContainerOutcome.missing("new", "two runs")), null, NOW);
        VerticalPodAutoscalerStatus unnamed = VpaStatuses.of(List.of(), null, NOW);
        VerticalPodAutoscalerStatus off = VpaStatuses.of(List.of(ContainerOutcome.off("web")), null, NOW);
        VerticalPodAutoscalerStatus unsupported = VpaStatuses.unsupported("bad annotation", null, NOW);

        assertNull(none.getRecommendation());
        assertEquals("False", condition(none).getStatus());
        assertEquals("NotEnoughData", condition(none).getReason());
        assertEquals("idle: no samples; new: two runs", condition(none).getMessage());
        assertEquals("NoContainersNamed", condition(unnamed).getReason());
        assertEquals("AllContainersOff", condition(off).getReason());
        assertEquals("ConfigUnsupported", condition(unsupported).getReason());
        assertEquals("bad annotation", condition(unsupported).getMessage());
    }

    @Test
    void theTransitionTimeMovesOnlyWithTheConditionsStatus() {
        VerticalPodAutoscalerStatus before = VpaStatuses.of(List.of(ContainerOutcome.recommended(WEB,
                Optional.empty())), null, EARLIER);

        VerticalPodAutoscalerStatus same = VpaStatuses.of(List.of(ContainerOutcome.recommended(WEB,
                Optional.empty()), ContainerOutcome.missing("idle", "no samples")), before, NOW);
        VerticalPodAutoscalerStatus flipped = VpaStatuses.of(List.of(ContainerOutcome.missing("idle",
                "no samples")), before, NOW);

        assertEquals("2026-12-06T07:00:00Z", condition(same).getLastTransitionTime());
        assertEquals("2026-12-06T07:01:00Z", condition(flipped).getLastTransitionTime());
        assertEquals(before, VpaStatuses.of(List.of(ContainerOutcome.recommended(WEB, Optional.empty())), before,
                NOW), "an unchanged recommendation is an unchanged status: nothing to patch");
    }

    private static VerticalPodAutoscalerCondition condition(VerticalPodAutoscalerStatus status) {
        assertEquals(1, status.getConditions().size());
        assertEquals("RecommendationProvided", status.getConditions().get(0).getType());
        return status.getConditions().get(0);
    }
}
