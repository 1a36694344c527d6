package io.rightsize.orchestrator.vpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.autoscaling.api.model.v1.ContainerResourcePolicyBuilder;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscaler;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscalerBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which containers a VPA names and which service's samples each gets. */
class VpaContainersTest {

    @Test
    void annotationEntriesMapAContainerToAServiceOrToItsOwnName() {
        VerticalPodAutoscaler vpa = vpa(" web = blur, resize ,, ");

        assertEquals(List.of(new VpaContainers.Named("web", "blur"), new VpaContainers.Named("resize", "resize")),
                VpaContainers.of(vpa));
    }

    @Test
    void containerPoliciesNameContainersTooButNotTheStarAndNotTwice() {
        VerticalPodAutoscaler vpa = new VerticalPodAutoscalerBuilder(vpa("web=blur")).editSpec()
                .withNewResourcePolicy().withContainerPolicies(
                        new ContainerResourcePolicyBuilder().withContainerName("*").build(),
                        new ContainerResourcePolicyBuilder().withContainerName("web").withMode("Off").build(),
                        new ContainerResourcePolicyBuilder().withContainerName("median").build())
                .endResourcePolicy().endSpec().build();

        assertEquals(List.of(new VpaContainers.Named("web", "blur"), new VpaContainers.Named("median", "median")),
                VpaContainers.of(vpa));
    }

    @Test
    void aVpaNamingNoContainerNamesNone() {
        assertEquals(List.of(), VpaContainers.of(vpa(null)));
    }

    @Test
    void refusesAnEntryThatIsNeitherForm() {
        for (String bad : List.of("=blur", "web=", "web=blur=resize")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> VpaContainers.of(vpa("resize, " + bad)));
            assertEquals("annotation rightsize.io/containers: '" + bad + "' is neither 'container' nor"
                    + " 'container=service'", e.getMessage());
        }
    }

    private static VerticalPodAutoscaler vpa(String containers) {
        return new VerticalPodAutoscalerBuilder().withNewMetadata().withName("v").withNamespace("apps")
                .addToAnnotations(containers == null ? Map.of() : Map.of(VpaContainers.ANNOTATION, containers))
                .endMetadata().withNewSpec().addNewRecommender("rightsize").endSpec().build();
    }
}
