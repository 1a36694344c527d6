package io.rightsize.orchestrator.vpa;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.autoscaling.api.model.v1.RecommendedContainerResources;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscaler;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscalerCondition;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscalerList;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.rightsize.devstack.manifests.Manifests;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import io.rightsize.orchestrator.StoredHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The VPA loop in the running orchestrator, against the Kubernetes test server in CRUD mode with the upstream VPA
 * CRD registered and samples in a real PostgreSQL. Recommender vpa-simple, so each figure can be worked out by hand:
 * service blur's CPU is 100..1000m in each of three runs (p90 910m, x 1.15 = 1046.5, so 1047m) and its memory peaks
 * at 150 MiB (x 1.15 = 172.5 MiB, so 173Mi).
 */
@QuarkusTest
@TestProfile(VpaControllerTest.VpaOn.class)
@WithKubernetesTestServer(crud = true, setup = VpaControllerTest.VpaCrd.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
class VpaControllerTest {

    /** The Kubernetes test server's namespace, which the client and so the loop default to. */
    private static final String NAMESPACE = "test";
    private static final double MIB = 1 << 20;
    private static final Map<String, Quantity> BLUR = Map.of("cpu", q("1047m"), "memory", q("173Mi"));
    private static boolean stored;

    @KubernetesTestServer
    KubernetesServer server;

    /** The loop on, every 200 ms, with the recommender whose figures are worked out by hand. */
    public static class VpaOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rightsize.vpa.enabled", "true", "rightsize.vpa.interval", "200ms",
                    "rightsize.vpa.recommender", "vpa-simple");
        }
    }

    /** Registers the upstream CRD, so the server serves VPAs with a status subresource as a cluster does. */
    public static class VpaCrd implements Consumer<KubernetesServer> {
        @Override
        public void accept(KubernetesServer server) {
            try (InputStream crd = VpaControllerTest.class.getResourceAsStream("/vpa/vpa-v1-crd.yaml")) {
                server.getClient().apiextensions().v1().customResourceDefinitions().load(crd).create();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @BeforeEach
    void storeBlursHistory() throws SQLException {
        if (stored) {
            return;
        }
        double[] cpu = {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000};
        double[] memory = {100 * MIB, 120 * MIB, 150 * MIB, 140 * MIB, 130 * MIB, 110 * MIB, 100 * MIB, 90 * MIB,
                80 * MIB, 70 * MIB};
        for (int run = 0; run < 3; run++) {
            StoredHistory.storeEarlierTask("blur", cpu, memory);
        }
        stored = true;
    }

    @AfterEach
    void deleteVpas() {
        vpas().delete();
    }

    @Test
    void writesEachNamedContainersRecommendationFromItsServicesSamples() {
        create("""
                metadata:
                  name: thumbnails
                  annotations:
                    rightsize.io/containers: "web=blur"
                spec:
                  targetRef: {apiVersion: apps/v1, kind: Deployment, name: thumbnails}
                  recommenders: [{name: rightsize}]
                """);

        RecommendedContainerResources web = only(recommended("thumbnails"));

        assertEquals("web", web.getContainerName());
        assertEquals(BLUR, web.getTarget());
        assertEquals(BLUR, web.getLowerBound(), "vpa-simple has no band: lower = target = upper");
        assertEquals(BLUR, web.getUpperBound());
        assertEquals(BLUR, web.getUncappedTarget());
        VerticalPodAutoscalerCondition provided = condition("thumbnails");
        assertEquals("True", provided.getStatus());
        assertNull(provided.getMessage());
    }

    @Test
    void leavesVpasThatDoNotNameRightsizeAlone() {
        create("""
                metadata: {name: upstream, annotations: {rightsize.io/containers: blur}}
                spec:
                  targetRef: {apiVersion: apps/v1, kind: Deployment, name: upstream}
                """);
        create("""
                metadata: {name: other, annotations: {rightsize.io/containers: blur}}
                spec:
                  targetRef: {apiVersion: apps/v1, kind: Deployment, name: other}
                  recommenders: [{name: other}]
                """);
        create("""
                metadata: {name: ours, annotations: {rightsize.io/containers: blur}}
                spec:
                  targetRef: {apiVersion: apps/v1, kind: Deployment, name: ours}
                  recommenders: [{name: rightsize}]
                """);

        recommended("ours");

        // Created before "ours", so the pass that wrote "ours" listed them too.
        assertNull(vpas().withName("upstream").get().getStatus());
        assertNull(vpas().withName("other").get().getStatus());
    }

    @Test
    void maxAllowedCapsTheTargetButNotTheUncappedTarget() {
        create("""
                metadata: {name: capped}
                spec:
                  targetRef: {apiVersion: apps/v1, kind: Deployment, name: capped}
                  recommenders: [{name: rightsize}]
                  resourcePolicy:
                    containerPolicies:
                      - containerName: blur
                        maxAllowed: {cpu: 500m, memory: 128Mi}
                """);

        RecommendedContainerResources blur = only(recommended("capped"));

        Map<String, Quantity> max = Map.of("cpu", q("500m"), "memory", q("128Mi"));
        assertEquals(max, blur.getTarget());
        assertEquals(max, blur.getLowerBound());
        assertEquals(max, blur.getUpperBound());
        assertEquals(BLUR, blur.getUncappedTarget());
    }

    @Test
    void controlledResourcesMemoryYieldsNoCpu() {
        create("""
                metadata: {name: memory-only}
                spec:
                  targetRef: {apiVersion: apps/v1, kind: Deployment, name: memory-only}
                  recommenders: [{name: rightsize}]
                  resourcePolicy:
                    containerPolicies:
                      - containerName: blur
                        controlledResources: [memory]
                """);

        RecommendedContainerResources blur = only(recommended("memory-only"));

        assertEquals(Map.of("memory", q("173Mi")), blur.getTarget());
        assertEquals(Map.of("memory", q("173Mi")), blur.getUncappedTarget());
        assertEquals(Set.of("memory"), blur.getLowerBound().keySet());
        assertEquals(Set.of("memory"), blur.getUpperBound().keySet());
    }

    @Test
    void modeOffYieldsNothingForThatContainer() {
        create("""
                metadata: {name: sidecar-off, annotations: {rightsize.io/containers: "web=blur, proxy=blur"}}
                spec:
                  targetRef: {apiVersion: apps/v1, kind: Deployment, name: sidecar-off}
                  recommenders: [{name: rightsize}]
                  resourcePolicy:
                    containerPolicies:
                      - {containerName: proxy, mode: "Off"}
                """);

        assertEquals("web", only(recommended("sidecar-off")).getContainerName());
        assertNull(condition("sidecar-off").getMessage(), "Off is asked for, nothing to explain");
    }

    @Test
    void aContainerWithoutSamplesYieldsNoneAndTheConditionSaysWhy() {
        create("""
                metadata: {name: half, annotations: {rightsize.io/containers: "blur, idle"}}
                spec:
                  targetRef: {apiVersion: apps/v1, kind: Deployment, name: half}
                  recommenders: [{name: rightsize}]
                """);
        create("""
                metadata: {name: none, annotations: {rightsize.io/containers: idle}}
                spec:
                  targetRef: {apiVersion: apps/v1, kind: Deployment, name: none}
                  recommenders: [{name: rightsize}]
                """);

        assertEquals("blur", only(recommended("half")).getContainerName());
        assertEquals("idle: Rightsize holds no samples of service 'idle'", condition("half").getMessage());
        VerticalPodAutoscalerCondition none = await().atMost(Duration.ofSeconds(10)).until(
                () -> vpas().withName("none").get().getStatus(), s -> s != null).getConditions().get(0);
        assertEquals("False", none.getStatus());
        assertEquals("NotEnoughData", none.getReason());
        assertNull(vpas().withName("none").get().getStatus().getRecommendation());
    }

    @Test
    void keepsGoingThroughApiErrorsAndUnreadableVpas() {
        String list = "/apis/autoscaling.k8s.io/v1/namespaces/" + NAMESPACE + "/verticalpodautoscalers";
        // 403, not 5xx, which the client itself retries: this error reaches the loop, twice.
        server.expect().get().withPath(list).andReturn(403, "forbidden").times(2);
        create("""
                metadata: {name: unreadable, annotations: {rightsize.io/containers: "=blur"}}
                spec:
                  targetRef: {apiVersion: apps/v1, kind: Deployment, name: unreadable}
                  recommenders: [{name: rightsize}]
                """);
        create("""
                metadata: {name: after-errors, annotations: {rightsize.io/containers: blur}}
                spec:
                  targetRef: {apiVersion: apps/v1, kind: Deployment, name: after-errors}
                  recommenders: [{name: rightsize}]
                """);

        assertEquals(BLUR, only(recommended("after-errors")).getTarget());
        assertEquals("ConfigUnsupported", condition("unreadable").getReason());
        vpas().list(); // would be refused had the loop not met both errors before its successful list
    }

    @Test
    void needsNothingBeyondTheVpaRoleInTheKubernetesBase() throws Exception {
        create("""
                metadata: {name: audited, annotations: {rightsize.io/containers: blur}}
                spec:
                  targetRef: {apiVersion: apps/v1, kind: Deployment, name: audited}
                  recommenders: [{name: rightsize}]
                """);
        recommended("audited");

        Set<String> used = new TreeSet<>();
        for (RecordedRequest r = server.getKubernetesMockServer().takeRequest(200, TimeUnit.MILLISECONDS);
                r != null; r = server.getKubernetesMockServer().takeRequest(200, TimeUnit.MILLISECONDS)) {
            if (r.getPath().startsWith("/apis/autoscaling.k8s.io/")) {
                used.add(Manifests.rbacGrant(r.getMethod(), r.getPath()));
            }
        }
        // The test's own requests: creating, reading and deleting VPAs.
        used.removeAll(Set.of("autoscaling.k8s.io/verticalpodautoscalers:create",
                "autoscaling.k8s.io/verticalpodautoscalers:delete"));
        assertTrue(used.containsAll(Set.of("autoscaling.k8s.io/verticalpodautoscalers:list",
                "autoscaling.k8s.io/verticalpodautoscalers/status:patch")), used.toString());
        Set<String> granted = Manifests.grants(Manifests.find(Manifests.documents("base"), "Role",
                "orchestrator-vpa-recommender"));
        assertTrue(granted.containsAll(used), "used " + used + ", granted " + granted);
    }

    private NonNamespaceOperation<VerticalPodAutoscaler, VerticalPodAutoscalerList, Resource<VerticalPodAutoscaler>>
            vpas() {
        return server.getClient().resources(VerticalPodAutoscaler.class, VerticalPodAutoscalerList.class)
                .inNamespace(NAMESPACE);
    }

    private void create(String yaml) {
        VerticalPodAutoscaler vpa = server.getClient().getKubernetesSerialization().unmarshal(
                "apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\n" + yaml, VerticalPodAutoscaler.class);
        vpas().resource(vpa).create();
    }

    /** The VPA's container recommendations, once the loop has written them. */
    private List<RecommendedContainerResources> recommended(String name) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> vpas().withName(name).get().getStatus(),
                s -> s != null && s.getRecommendation() != null).getRecommendation().getContainerRecommendations();
    }

    private VerticalPodAutoscalerCondition condition(String name) {
        List<VerticalPodAutoscalerCondition> conditions = vpas().withName(name).get().getStatus().getConditions();
        assertEquals(1, conditions.size());
        assertEquals("RecommendationProvided", conditions.get(0).getType());
        return conditions.get(0);
    }

    private static RecommendedContainerResources only(List<RecommendedContainerResources> recommendations) {
        assertEquals(1, recommendations.size(), recommendations.toString());
        RecommendedContainerResources r = recommendations.get(0);
        for (String resource : r.getTarget().keySet()) {
            assertTrue(r.getLowerBound().get(resource).compareTo(r.getTarget().get(resource)) <= 0, resource);
            assertTrue(r.getTarget().get(resource).compareTo(r.getUpperBound().get(resource)) <= 0, resource);
        }
        return r;
    }

    private static Quantity q(String quantity) {
        return new Quantity(quantity);
    }
}
