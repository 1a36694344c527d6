package io.rightsize.producer.manifests;

import static io.rightsize.devstack.manifests.Manifests.find;
import static io.rightsize.devstack.manifests.Manifests.podSpec;
import static io.rightsize.devstack.manifests.Manifests.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rightsize.devstack.manifests.Manifests;
import io.rightsize.producer.config.ProbeMode;
import io.rightsize.producer.config.ProducerConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The monitor-producer DaemonSet in kubernetes/ agrees with this module's code (settings, host mounts, Role) and
 * breaks the restricted Pod Security profile only where its README says it must.
 */
class DaemonSetManifestTest {

    private static final String APP_NAMESPACE = "rightsize";

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void runsOnEveryNodeInKubernetesModeWithItsNodeAndTheHostTreesItReads(String kustomization) throws Exception {
        List<JsonNode> docs = documents(kustomization);
        JsonNode daemonSet = workload(docs, "monitor-producer");
        assertEquals("DaemonSet", daemonSet.path("kind").asText());
        JsonNode pod = podSpec(daemonSet);
        JsonNode container = pod.path("containers").get(0);

        Map<String, String> env = env(docs, container);
        assertEquals(ProbeMode.KUBERNETES, ProbeMode.valueOf(env.get("RIGHTSIZE_PRODUCER_MODE").toUpperCase()));
        assertEquals("spec.nodeName", fieldRef(container, "RIGHTSIZE_PRODUCER_KUBERNETES_NODE_NAME"));
        // The DaemonSet runs in a namespace of its own; the task pods it samples are in the application's.
        assertEquals(APP_NAMESPACE, env.get("RIGHTSIZE_PRODUCER_KUBERNETES_NAMESPACE"));
        assertEquals("/sys/fs/cgroup", hostPathMountedAt(pod, env.get("RIGHTSIZE_PRODUCER_KUBERNETES_CGROUP_ROOT")));
        assertEquals("/proc", hostPathMountedAt(pod, env.get("RIGHTSIZE_PRODUCER_KUBERNETES_PROC_ROOT")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void isRestrictedButForTheHostPidAndReadOnlyHostPathsItExistsFor(String kustomization) throws Exception {
        JsonNode pod = podSpec(workload(documents(kustomization), "monitor-producer"));

        // Documented in the manifest and in kubernetes/README.md ("Pod Security"); anything more fails here.
        assertEquals(new TreeSet<>(Set.of("hostNamespaces", "hostPathVolumes", "restrictedVolumes")),
                Manifests.restrictedViolations(pod));
        assertTrue(pod.path("hostPID").asBoolean());
        assertFalse(pod.path("hostNetwork").asBoolean() || pod.path("hostIPC").asBoolean());
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("hostPath")) {
                String name = volume.path("name").asText();
                for (JsonNode mount : pod.at("/containers/0/volumeMounts")) {
                    if (mount.path("name").asText().equals(name)) {
                        assertTrue(mount.path("readOnly").asBoolean(), name + " is mounted read-only");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void runsAloneInThePrivilegedNamespaceAndReadsTheApplicationsPods(String kustomization) throws Exception {
        List<JsonNode> docs = documents(kustomization);
        JsonNode daemonSet = workload(docs, "monitor-producer");
        String namespace = daemonSet.at("/metadata/namespace").asText();

        assertEquals("privileged", find(docs, "Namespace", namespace)
                .at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText());
        assertEquals(List.of("monitor-producer"), docs.stream()
                .filter(d -> Manifests.POD_TEMPLATE_KINDS.contains(d.path("kind").asText()))
                .filter(d -> d.at("/metadata/namespace").asText().equals(namespace))
                .map(d -> d.at("/metadata/name").asText()).toList());
        JsonNode binding = find(docs, "RoleBinding", "monitor-producer-pod-reader");
        assertEquals(APP_NAMESPACE, binding.at("/metadata/namespace").asText());
        assertEquals(namespace, binding.at("/subjects/0/namespace").asText());
        assertEquals(namespace, find(docs, "ServiceAccount", "monitor-producer").at("/metadata/namespace").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void environmentNamesAreSettingsTheProducerReads(String kustomization) throws Exception {
        List<JsonNode> docs = documents(kustomization);
        Set<String> known = Manifests.envNames(Manifests.properties("monitor-producer"));
        Manifests.addMappingEnvNames(ProducerConfig.class, "rightsize.producer", known);

        for (String env : Manifests.envGiven(docs, workload(docs, "monitor-producer"))) {
            assertTrue(known.contains(env), "monitor-producer is given " + env + ", which it does not read");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void readsPodsUnderItsOwnServiceAccountAndNothingElse(String kustomization) throws Exception {
        List<JsonNode> docs = documents(kustomization);

        assertEquals("monitor-producer", podSpec(workload(docs, "monitor-producer")).path("serviceAccountName")
                .asText());
        find(docs, "ServiceAccount", "monitor-producer");
        JsonNode binding = find(docs, "RoleBinding", "monitor-producer-pod-reader");
        assertEquals("monitor-producer-pod-reader", binding.at("/roleRef/name").asText());
        assertEquals("monitor-producer", binding.at("/subjects/0/name").asText());
        assertEquals(Set.of("/pods:get", "/pods:list", "/pods:watch"),
                Manifests.grants(find(docs, "Role", "monitor-producer-pod-reader")));
    }

    private static Map<String, String> env(List<JsonNode> docs, JsonNode container) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            find(docs, "ConfigMap", source.at("/configMapRef/name").asText()).path("data").fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        return env;
    }

    private static String fieldRef(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e.at("/valueFrom/fieldRef/fieldPath").asText();
            }
        }
        throw new AssertionError("no env " + name);
    }

    /** The host path of the read-only volume mounted at {@code mountPath}. */
    private static String hostPathMountedAt(JsonNode pod, String mountPath) {
        for (JsonNode mount : pod.at("/containers/0/volumeMounts")) {
            if (mount.path("mountPath").asText().equals(mountPath)) {
                assertTrue(mount.path("readOnly").asBoolean(), mountPath + " must be read-only");
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        return volume.at("/hostPath/path").asText();
                    }
                }
            }
        }
        throw new AssertionError("nothing mounted at " + mountPath);
    }

    private static List<JsonNode> documents(String kustomization) throws Exception {
        if (!kustomization.equals("base")) {
            assumeTrue(Manifests.kubectlPresent(), "kubectl is not installed: only the raw base is checked");
        }
        return Manifests.documents(kustomization);
    }
}
