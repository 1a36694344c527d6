package io.rightsize.orchestrator.vpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.autoscaling.api.model.v1.ContainerResourcePolicy;
import io.fabric8.autoscaling.api.model.v1.ContainerResourcePolicyBuilder;
import io.fabric8.autoscaling.api.model.v1.PodResourcePolicy;
import io.fabric8.autoscaling.api.model.v1.PodResourcePolicyBuilder;
import io.fabric8.autoscaling.api.model.v1.RecommendedContainerResources;
import io.fabric8.kubernetes.api.model.Quantity;
import io.rightsize.allocation.policy.ServiceUsage;
import io.rightsize.allocation.recommend.Recommendation;
import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.recommend.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One container's recommendation from samples and a policy, with figures worked out by hand. */
class ContainerRecommendationsTest {

    private static final double MIB = 1 << 20;
    private static final VpaContainers.Named BLUR = new VpaContainers.Named("web", "blur");
    /** Three runs; CPU 100..1000 in each; memory peaking at 150 MiB. */
    private static final ServiceUsage THREE_RUNS = new ServiceUsage(3, repeat(new double[] {100, 200, 300, 400,
            500, 600, 700, 800, 900, 1000}, 3), repeat(new double[] {100 * MIB, 120 * MIB, 150 * MIB}, 10));
    /** A recommender with a band: CPU limit 400.2m in [350m, 500m], memory 200 MiB + 1 byte in [150, 300] MiB. */
    private static final Recommender BANDED = new Recommender() {
        @Override
        public String name() {
            return "banded";
        }

        @Override
        public String description() {
            return "fixed numbers with a band";
        }

        @Override
        public Recommendation recommend(ResourceKind kind, double[] history) {
            return kind == ResourceKind.CPU ? new Recommendation(300, 400.2, 350, 500)
                    : new Recommendation(100 * MIB, 200 * MIB + 1, 150 * MIB, 300 * MIB);
        }
    };

    private final ContainerRecommendations banded = new ContainerRecommendations(BANDED, 3);

    @Test
    void targetIsTheLimitRoundedUpAndTheBoundsAreTheBand() {
        RecommendedContainerResources r = recommended(banded.of(BLUR, ContainerPolicy.NONE, THREE_RUNS));

        assertEquals("web", r.getContainerName());
        assertEquals(Map.of("cpu", q("401m"), "memory", q("201Mi")), r.getTarget());
        assertEquals(Map.of("cpu", q("350m"), "memory", q("150Mi")), r.getLowerBound());
        assertEquals(Map.of("cpu", q("500m"), "memory", q("300Mi")), r.getUpperBound());
        assertEquals(r.getTarget(), r.getUncappedTarget());
    }

    @Test
    void vpaSimpleGivesTheNinetiethPercentileOfCpuAndThePeakOfMemoryPlusFifteenPercent() {
        ContainerRecommendations vpaSimple = new ContainerRecommendations(
                Recommenders.byName("vpa-simple").orElseThrow(), 3);

        RecommendedContainerResources r = recommended(vpaSimple.of(BLUR, ContainerPolicy.NONE, THREE_RUNS));

        // p90 of 100..1000 (each thrice) is 910m; 910 x 1.15 = 1046.5, up to 1047m. 150 MiB x 1.15 = 172.5, up to 173.
        assertEquals(Map.of("cpu", q("1047m"), "memory", q("173Mi")), r.getTarget());
        assertEquals(r.getTarget(), r.getLowerBound());
        assertEquals(r.getTarget(), r.getUpperBound());
    }

    @Test
    void maxAllowedCapsTargetAndBoundsButNotTheUncappedTarget() {
        ContainerPolicy policy = policy(new ContainerResourcePolicyBuilder().withContainerName("web")
                .withMaxAllowed(Map.of("cpu", q("380m"), "memory", q("1Gi"))).build());

        RecommendedContainerResources r = recommended(banded.of(BLUR, policy, THREE_RUNS));

        assertEquals(Map.of("cpu", q("380m"), "memory", q("201Mi")), r.getTarget());
        assertEquals(Map.of("cpu", q("350m"), "memory", q("150Mi")), r.getLowerBound());
        assertEquals(Map.of("cpu", q("380m"), "memory", q("300Mi")), r.getUpperBound());
        assertEquals(Map.of("cpu", q("401m"), "memory", q("201Mi")), r.getUncappedTarget());
    }

    @Test
    void minAllowedRaisesWhatIsBelowIt() {
        ContainerPolicy policy = policy(new ContainerResourcePolicyBuilder().withContainerName("*")
                .withMinAllowed(Map.of("memory", q("256Mi"), "cpu", q("0"))).build());

        RecommendedContainerResources r = recommended(banded.of(BLUR, policy, THREE_RUNS));

        assertEquals(Map.of("cpu", q("401m"), "memory", q("256Mi")), r.getTarget(), "a zero minimum bounds nothing");
        assertEquals(Map.of("cpu", q("350m"), "memory", q("256Mi")), r.getLowerBound());
        assertEquals(Map.of("cpu", q("500m"), "memory", q("300Mi")), r.getUpperBound());
        assertEquals(q("201Mi"), r.getUncappedTarget().get("memory"));
    }

    @Test
    void whereMinimumAndMaximumCrossTheMaximumWins() {
        ContainerPolicy policy = policy(new ContainerResourcePolicyBuilder().withContainerName("web")
                .withMinAllowed(Map.of("cpu", q("2"))).withMaxAllowed(Map.of("cpu", q("1"))).build());

        assertEquals(q("1"), recommended(banded.of(BLUR, policy, THREE_RUNS)).getTarget().get("cpu"));
    }

    @Test
    void onlyControlledResourcesGetValues() {
        ContainerPolicy policy = policy(new ContainerResourcePolicyBuilder().withContainerName("web")
                .withControlledResources("memory").build());

        RecommendedContainerResources r = recommended(banded.of(BLUR, policy, THREE_RUNS));

        assertEquals(Map.of("memory", q("201Mi")), r.getTarget());
        assertEquals(Map.of("memory", q("201Mi")), r.getUncappedTarget());
        assertEquals(Map.of("memory", q("150Mi")), r.getLowerBound());
        assertEquals(Map.of("memory", q("300Mi")), r.getUpperBound());
    }

    @Test
    void modeOffGivesNothingAndSaysNothing() {
        ContainerPolicy policy = policy(new ContainerResourcePolicyBuilder().withContainerName("web").withMode("Off")
                .build());

        assertEquals(ContainerOutcome.off("web"), banded.of(BLUR, policy, THREE_RUNS));
    }

    @Test
    void thePolicyNamingTheContainerWinsOverTheStarOne() {
        PodResourcePolicy policies = new PodResourcePolicyBuilder().withContainerPolicies(
                new ContainerResourcePolicyBuilder().withContainerName("*").withMode("Off").build(),
                new ContainerResourcePolicyBuilder().withContainerName("web").withMode("Auto").build()).build();

        assertTrue(ContainerPolicy.of(policies, "web").controlled().contains(ResourceKind.CPU));
        assertTrue(ContainerPolicy.of(policies, "sidecar").off());
        assertEquals(ContainerPolicy.NONE, ContainerPolicy.of(null, "web"));
    }

    @Test
    void aServiceWithoutSamplesGetsNoneAndTheReason() {
        ContainerOutcome outcome = banded.of(new VpaContainers.Named("idle", "idle"), ContainerPolicy.NONE,
                ServiceUsage.NONE);

        assertEquals(Optional.empty(), outcome.recommendation());
        assertEquals(Optional.of("idle: Rightsize holds no samples of service 'idle'"), outcome.missing());
    }

    @Test
    void fewerRunsThanThePolicysMinimumGetNone() {
        ServiceUsage twoRuns = new ServiceUsage(2, THREE_RUNS.cpuMillicores(), THREE_RUNS.memoryBytes());

        ContainerOutcome outcome = banded.of(BLUR, ContainerPolicy.NONE, twoRuns);

        assertEquals(Optional.empty(), outcome.recommendation());
        assertEquals(Optional.of("web: service 'blur' has samples of 2 runs, fewer than the 3"
                + " rightsize.allocation.min-history-runs asks for"), outcome.missing());
    }

    @Test
    void aResourceWithoutSamplesIsLeftOutAndSaidSo() {
        ServiceUsage memoryOnly = new ServiceUsage(3, new double[0], THREE_RUNS.memoryBytes());

        ContainerOutcome outcome = banded.of(BLUR, ContainerPolicy.NONE, memoryOnly);

        assertEquals(Map.of("memory", q("201Mi")), outcome.recommendation().orElseThrow().getTarget());
        assertEquals(Optional.of("web: no cpu samples of service 'blur'"), outcome.missing());
    }

    private static RecommendedContainerResources recommended(ContainerOutcome outcome) {
        assertEquals(Optional.empty(), outcome.missing());
        RecommendedContainerResources r = outcome.recommendation().orElseThrow();
        for (String resource : r.getTarget().keySet()) {
            assertTrue(r.getLowerBound().get(resource).compareTo(r.getTarget().get(resource)) <= 0, resource);
            assertTrue(r.getTarget().get(resource).compareTo(r.getUpperBound().get(resource)) <= 0, resource);
        }
        return r;
    }

    private static ContainerPolicy policy(ContainerResourcePolicy policy) {
        return ContainerPolicy.of(new PodResourcePolicyBuilder().withContainerPolicies(List.of(policy)).build(),
                "web");
    }

    private static Quantity q(String quantity) {
        return new Quantity(quantity);
    }

    private static double[] repeat(double[] values, int times) {
        double[] repeated = new double[values.length * times];
        for (int i = 0; i < repeated.length; i++) {
            repeated[i] = values[i % values.length];
        }
        return repeated;
    }
}
