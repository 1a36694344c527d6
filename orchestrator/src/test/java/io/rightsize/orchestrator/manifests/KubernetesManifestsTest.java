package io.rightsize.orchestrator.manifests;

import static io.rightsize.devstack.manifests.Manifests.envGiven;
import static io.rightsize.devstack.manifests.Manifests.find;
import static io.rightsize.devstack.manifests.Manifests.podSpec;
import static io.rightsize.devstack.manifests.Manifests.properties;
import static io.rightsize.devstack.manifests.Manifests.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rightsize.devstack.manifests.Manifests;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests under kubernetes/ agree with the code: names, ports, env vars, the service account and the Role.
 * The base is read as raw files, so this runs anywhere; the overlays are rendered when kubectl is installed. The
 * monitor-producer DaemonSet's settings and Role are checked in its own module, against its own code.
 */
class KubernetesManifestsTest {

    private static final Map<String, Integer> HTTP_PORTS =
            Map.of("orchestrator", 8081, "monitor-consumer", 8082, "predictor", 8083, "monitor-producer", 8084);

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void orchestratorRunsUnderItsBoundServiceAccount(String kustomization) throws Exception {
        List<JsonNode> docs = documents(kustomization);

        assertEquals("orchestrator", podSpec(workload(docs, "orchestrator")).path("serviceAccountName").asText());
        find(docs, "ServiceAccount", "orchestrator");
        JsonNode binding = find(docs, "RoleBinding", "orchestrator-task-runner");
        assertEquals("Role", binding.at("/roleRef/kind").asText());
        assertEquals("orchestrator-task-runner", binding.at("/roleRef/name").asText());
        assertEquals("orchestrator", binding.at("/subjects/0/name").asText());
        for (String other : List.of("monitor-consumer", "predictor")) {
            assertFalse(podSpec(workload(docs, other)).has("serviceAccountName"), other);
            assertEquals("false", podSpec(workload(docs, other)).path("automountServiceAccountToken").asText(), other);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void roleGrantsExactlyWhatTheTaskRunnerUses(String kustomization) throws Exception {
        JsonNode role = find(documents(kustomization), "Role", "orchestrator-task-runner");

        assertEquals(new TreeSet<>(Set.of("batch/jobs:create", "batch/jobs:get", "batch/jobs:list",
                "batch/jobs:watch", "batch/jobs:delete", "/pods:get", "/pods:list", "/pods:watch",
                "/pods/log:get", "/pods/log:list", "/pods/log:watch")), Manifests.grants(role));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void vpaRoleGrantsExactlyWhatTheVpaControllerUsesToTheOrchestrator(String kustomization) throws Exception {
        List<JsonNode> docs = documents(kustomization);
        JsonNode role = find(docs, "Role", "orchestrator-vpa-recommender");

        assertEquals(new TreeSet<>(Set.of("autoscaling.k8s.io/verticalpodautoscalers:get",
                "autoscaling.k8s.io/verticalpodautoscalers:list", "autoscaling.k8s.io/verticalpodautoscalers:watch",
                "autoscaling.k8s.io/verticalpodautoscalers/status:patch")), Manifests.grants(role));
        JsonNode binding = find(docs, "RoleBinding", "orchestrator-vpa-recommender");
        assertEquals("Role", binding.at("/roleRef/kind").asText());
        assertEquals("orchestrator-vpa-recommender", binding.at("/roleRef/name").asText());
        assertEquals("orchestrator", binding.at("/subjects/0/name").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void clusterScopeIsOnlyReadingNodesForTheTaskMaximum(String kustomization) throws Exception {
        List<JsonNode> docs = documents(kustomization);
        JsonNode role = find(docs, "ClusterRole", "rightsize-orchestrator-node-reader");
        assertEquals(new TreeSet<>(Set.of("/nodes:get", "/nodes:list")), Manifests.grants(role));
        JsonNode binding = find(docs, "ClusterRoleBinding", "rightsize-orchestrator-node-reader");
        assertEquals("orchestrator", binding.at("/subjects/0/name").asText());
        assertEquals("rightsize-orchestrator-node-reader", binding.at("/roleRef/name").asText());
        assertEquals(1, docs.stream().filter(d -> d.path("kind").asText().startsWith("Cluster")).count() / 2,
                "one ClusterRole and its binding, nothing else cluster-wide");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void portsAndProbesMatchEachServicesHttpPort(String kustomization) throws Exception {
        List<JsonNode> docs = documents(kustomization);

        for (Map.Entry<String, Integer> service : HTTP_PORTS.entrySet()) {
            String name = service.getKey();
            assertEquals(service.getValue(), Integer.parseInt(properties(name).getProperty("quarkus.http.port")));
            JsonNode container = podSpec(workload(docs, name)).path("containers").get(0);
            assertEquals(service.getValue(), container.at("/ports/0/containerPort").asInt(), name);
            assertEquals("http", container.at("/ports/0/name").asText(), name);
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText(), name);
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText(), name);
            assertTrue(container.at("/resources/requests").has("memory"), name);
            JsonNode port = find(docs, "Service", name).at("/spec/ports/0");
            assertEquals(service.getValue(), port.path("port").asInt(), name);
            assertEquals("http", port.path("targetPort").asText(), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void environmentNamesAreSettingsTheServicesRead(String kustomization) throws Exception {
        List<JsonNode> docs = documents(kustomization);

        for (String name : List.of("orchestrator", "monitor-consumer", "predictor")) {
            Set<String> known = Manifests.envNames(properties(name));
            // Read by the JVM image's launcher (run-java.sh of ubi9/openjdk-17-runtime), not by the service.
            known.add("JAVA_MAX_MEM_RATIO");
            if (name.equals("orchestrator")) {
                Manifests.addMappingEnvNames(OrchestratorConfig.class, "rightsize.orchestrator", known);
            }
            List<String> used = envGiven(docs, workload(docs, name));
            assertFalse(used.isEmpty(), name);
            for (String env : used) {
                assertTrue(known.contains(env), name + " is given " + env + ", which it does not read");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyGrpcServiceRequiresTheBearerTokenFromTheSecret(String kustomization) throws Exception {
        List<JsonNode> docs = documents(kustomization);

        find(docs, "Secret", "rightsize-api").at("/stringData/RIGHTSIZE_API_TOKEN").asText();
        for (String name : List.of("orchestrator", "monitor-consumer", "predictor")) {
            JsonNode token = null;
            for (JsonNode env : podSpec(workload(docs, name)).at("/containers/0/env")) {
                if (env.path("name").asText().equals("RIGHTSIZE_API_TOKEN")) {
                    token = env;
                }
            }
            assertTrue(token != null, name + " gets RIGHTSIZE_API_TOKEN");
            assertEquals("rightsize-api", token.at("/valueFrom/secretKeyRef/name").asText(), name);
            assertTrue(properties(name).getProperty("rightsize.api.token").contains("RIGHTSIZE_API_TOKEN"), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void orchestratorAndTaskPodsShareTheWorkClaim(String kustomization) throws Exception {
        List<JsonNode> docs = documents(kustomization);

        JsonNode config = find(docs, "ConfigMap", "orchestrator-config").path("data");
        String claim = config.path("RIGHTSIZE_ORCHESTRATOR_KUBERNETES_WORK_CLAIM").asText();
        String mountPath = config.path("RIGHTSIZE_ORCHESTRATOR_KUBERNETES_WORK_MOUNT_PATH").asText();
        assertEquals("ReadWriteMany", find(docs, "PersistentVolumeClaim", claim).at("/spec/accessModes/0").asText());
        JsonNode pod = podSpec(workload(docs, "orchestrator"));
        assertEquals(claim, pod.at("/volumes/0/persistentVolumeClaim/claimName").asText());
        assertEquals(mountPath, pod.at("/containers/0/volumeMounts/0/mountPath").asText());
        assertTrue(config.path("RIGHTSIZE_ORCHESTRATOR_WORK_DIR").asText().startsWith(mountPath + "/"));
        assertTrue(config.path("RIGHTSIZE_ORCHESTRATOR_INPUT_ROOTS").asText().startsWith(mountPath + "/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void oneOrchestratorActsAtATimeThroughARollout(String kustomization) throws Exception {
        JsonNode orchestrator = workload(documents(kustomization), "orchestrator");

        assertEquals(1, orchestrator.at("/spec/replicas").asInt());
        assertEquals("Recreate", orchestrator.at("/spec/strategy/type").asText(),
                "a rolling update would run two orchestrators on the same stored orders");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void thePredictorsModelOutlivesItsPodAndARolloutNeverWaitsOnIt(String kustomization) throws Exception {
        List<JsonNode> docs = documents(kustomization);

        JsonNode predictor = workload(docs, "predictor");
        JsonNode pod = podSpec(predictor);
        String modelDir = find(docs, "ConfigMap", "predictor-config").path("data").path("RIGHTSIZE_PREDICTOR_MODEL_DIR")
                .asText();
        JsonNode mount = null;
        for (JsonNode m : pod.at("/containers/0/volumeMounts")) {
            if (m.path("mountPath").asText().equals(modelDir)) {
                mount = m;
            }
        }
        assertTrue(mount != null, "the model dir " + modelDir + " is a mounted volume");
        String volume = mount.path("name").asText();
        String claim = null;
        for (JsonNode v : pod.path("volumes")) {
            if (v.path("name").asText().equals(volume)) {
                claim = v.at("/persistentVolumeClaim/claimName").asText(null);
            }
        }
        assertTrue(claim != null, "the model volume is a claim, not an emptyDir");
        assertEquals("ReadWriteOnce", find(docs, "PersistentVolumeClaim", claim).at("/spec/accessModes/0").asText());
        assertEquals("Recreate", predictor.at("/spec/strategy/type").asText());
        assertEquals(1, predictor.at("/spec/replicas").asInt());
    }

    private static List<JsonNode> documents(String kustomization) throws Exception {
        if (!kustomization.equals("base")) {
            assumeTrue(Manifests.kubectlPresent(), "kubectl is not installed: only the raw base is checked");
        }
        return Manifests.documents(kustomization);
    }
}
