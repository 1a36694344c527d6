package io.rightsize.orchestrator.manifests;

import static io.rightsize.devstack.manifests.Manifests.find;
import static io.rightsize.devstack.manifests.Manifests.podSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.rightsize.devstack.manifests.Manifests;
import io.rightsize.grpc.auth.PlaceholderSecrets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests are locked down (issue #18, "Locked down"): every object is valid against the Kubernetes API model;
 * every pod meets the restricted Pod Security profile with a read-only root filesystem, but for the monitor-producer's
 * documented exceptions; the namespaces enforce it; NetworkPolicies allow exactly the architecture's flows; every
 * Deployment and StatefulSet has a disruption budget that never blocks a drain; every pod carries the
 * app.kubernetes.io labels. The raw base is checked where kustomize adds nothing that matters; the overlays as
 * rendered (skipped without kubectl).
 */
class ManifestLockdownTest {

    /** The restricted checks the monitor-producer fails, and why, in kubernetes/README.md ("Pod Security"). */
    private static final Set<String> PRODUCER_EXCEPTIONS = Set.of("hostNamespaces", "hostPathVolumes",
            "restrictedVolumes");
    private static final String APP_NAMESPACE = "rightsize";
    private static final String NODE_NAMESPACE = "rightsize-node";
    private static final String NAME = "app.kubernetes.io/name";
    private static final List<String> LABELS = List.of(NAME, "app.kubernetes.io/instance",
            "app.kubernetes.io/component", "app.kubernetes.io/part-of", "app.kubernetes.io/version",
            "app.kubernetes.io/managed-by");
    /** A task pod as the orchestrator's runner labels it (KubernetesJobRunnerTest checks the runner's side). */
    private static final Map<String, String> TASK_POD = Map.of(NAME, "rightsize-task");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyObjectIsValidAgainstTheKubernetesApiModel(String kustomization) throws Exception {
        KubernetesSerialization serialization = new KubernetesSerialization();
        // The model keeps unknown fields in additionalProperties; without that escape hatch they fail.
        ObjectMapper strict = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated a) {
                        return false;
                    }
                });

        for (JsonNode doc : documents(kustomization)) {
            String what = doc.path("kind").asText() + " " + doc.at("/metadata/name").asText();
            KubernetesResource typed = serialization.convertValue(doc, KubernetesResource.class);
            assertFalse(typed instanceof GenericKubernetesResource, what + ": not a kind the API model knows");
            strict.treeToValue(doc, typed.getClass());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyPodIsRestrictedButTheMonitorProducersDocumentedExceptions(String kustomization) throws Exception {
        List<JsonNode> workloads = workloads(documents(kustomization));
        assertEquals(Set.of("orchestrator", "monitor-consumer", "predictor", "monitor-producer", "postgres", "kafka",
                "kafka-topics"), names(workloads));

        for (JsonNode workload : workloads) {
            String name = workload.at("/metadata/name").asText();
            JsonNode pod = podSpec(workload);
            Set<String> expected = name.equals("monitor-producer") ? PRODUCER_EXCEPTIONS : Set.of();
            assertEquals(new TreeSet<>(expected), Manifests.restrictedViolations(pod), name);
            assertTrue(writableTmp(pod), name + " has a writable /tmp on its read-only root filesystem");
            boolean usesApi = Set.of("orchestrator", "monitor-producer").contains(name);
            assertEquals(usesApi, pod.path("automountServiceAccountToken").asBoolean(true),
                    name + (usesApi ? " needs" : " must not get") + " an API token");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void namespacesEnforceRestrictedAndOnlyTheMonitorProducerRunsPrivileged(String kustomization) throws Exception {
        List<JsonNode> docs = documents(kustomization);

        Map<String, String> app = labels(find(docs, "Namespace", APP_NAMESPACE).at("/metadata/labels"));
        Map<String, String> node = labels(find(docs, "Namespace", NODE_NAMESPACE).at("/metadata/labels"));
        for (String mode : List.of("enforce", "warn", "audit")) {
            assertEquals("restricted", app.get("pod-security.kubernetes.io/" + mode), mode);
        }
        assertEquals("privileged", node.get("pod-security.kubernetes.io/enforce"));
        assertEquals("restricted", node.get("pod-security.kubernetes.io/warn"));
        assertEquals("restricted", node.get("pod-security.kubernetes.io/audit"));
        for (JsonNode workload : workloads(docs)) {
            String name = workload.at("/metadata/name").asText();
            assertEquals(name.equals("monitor-producer") ? NODE_NAMESPACE : APP_NAMESPACE,
                    workload.at("/metadata/namespace").asText(), name);
        }
        assertEquals(2, docs.stream().filter(d -> d.path("kind").asText().equals("Namespace")).count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void networkPoliciesAllowExactlyTheArchitecturesFlows(String kustomization) throws Exception {
        List<JsonNode> docs = documents(kustomization);
        Network network = new Network(docs);
        for (String namespace : List.of(APP_NAMESPACE, NODE_NAMESPACE)) {
            JsonNode deny = docs.stream().filter(d -> d.path("kind").asText().equals("NetworkPolicy")
                    && d.at("/metadata/namespace").asText().equals(namespace)
                    && d.at("/metadata/name").asText().equals("default-deny")).findFirst()
                    .orElseThrow(() -> new AssertionError("no default-deny in " + namespace));
            assertTrue(deny.at("/spec/podSelector").isEmpty(), "default-deny selects every pod of " + namespace);
            assertEquals(Set.of("Ingress", "Egress"), texts(deny.at("/spec/policyTypes")));
        }
        for (Network.Pod pod : network.pods) {
            assertTrue(network.policiesSelecting(pod).stream()
                    .anyMatch(p -> !p.at("/metadata/name").asText().equals("default-deny")),
                    "a NetworkPolicy of its own for " + pod.name());
        }

        Set<String> expected = new TreeSet<>();
        for (String port : List.of("orchestrator TCP/8081", "monitor-consumer TCP/8082", "predictor TCP/8083")) {
            expected.add("outside -> " + port);
        }
        expected.add("orchestrator -> predictor TCP/8083");
        for (String client : List.of("orchestrator", "monitor-consumer", "monitor-producer", "kafka-topics", "kafka")) {
            expected.add(client + " -> kafka TCP/9092");
        }
        for (String client : List.of("orchestrator", "monitor-consumer", "predictor")) {
            expected.add(client + " -> postgres TCP/5432");
        }
        for (String api : List.of("orchestrator", "monitor-producer")) {
            expected.add(api + " -> outside TCP/443");
            expected.add(api + " -> outside TCP/6443");
        }
        for (String resolver : List.of("orchestrator", "monitor-consumer", "predictor", "kafka", "kafka-topics",
                "monitor-producer")) {
            expected.add(resolver + " -> kube-dns UDP/53");
            expected.add(resolver + " -> kube-dns TCP/53");
        }
        assertEquals(expected, network.flows());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyDeploymentAndStatefulSetHasADisruptionBudgetThatNeverBlocksADrain(String kustomization)
            throws Exception {
        List<JsonNode> docs = documents(kustomization);
        for (JsonNode workload : workloads(docs)) {
            String kind = workload.path("kind").asText();
            if (!Set.of("Deployment", "StatefulSet").contains(kind)) {
                continue;
            }
            String name = workload.at("/metadata/name").asText();
            Map<String, String> podLabels = labels(workload.at("/spec/template/metadata/labels"));
            List<JsonNode> budgets = docs.stream().filter(d -> d.path("kind").asText().equals("PodDisruptionBudget")
                    && Network.matches(d.at("/spec/selector"), podLabels)).toList();
            assertEquals(1, budgets.size(), "one PodDisruptionBudget for " + name);
            JsonNode budget = budgets.get(0).path("spec");
            int replicas = workload.at("/spec/replicas").asInt(1);
            boolean drainable = budget.has("maxUnavailable") ? budget.path("maxUnavailable").asInt() >= 1
                    : budget.path("minAvailable").asInt() < replicas;
            assertTrue(drainable, name + ": a budget that lets no pod go blocks every node drain");
            assertEquals("AlwaysAllow", budget.path("unhealthyPodEvictionPolicy").asText(), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyPodCarriesTheAppLabelsAndItsVersionIsItsImagesTag(String kustomization) throws Exception {
        for (JsonNode workload : workloads(documents(kustomization))) {
            String name = workload.at("/metadata/name").asText();
            Map<String, String> labels = labels(workload.at("/spec/template/metadata/labels"));
            for (String label : LABELS) {
                assertFalse(labels.getOrDefault(label, "").isBlank(), name + " has " + label);
            }
            assertEquals(name, labels.get(NAME));
            assertEquals("rightsize", labels.get("app.kubernetes.io/part-of"), name);
            assertEquals("kustomize", labels.get("app.kubernetes.io/managed-by"), name);
            String image = podSpec(workload).at("/containers/0/image").asText();
            assertEquals(image.substring(image.lastIndexOf(':') + 1), labels.get("app.kubernetes.io/version"), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void theCommittedSecretsArePlaceholdersTheServicesRefuse(String kustomization) throws Exception {
        List<JsonNode> secrets = documents(kustomization).stream()
                .filter(d -> d.path("kind").asText().equals("Secret")).toList();
        assertEquals(Set.of("rightsize-db", "rightsize-api"), names(secrets));
        JsonNode db = find(secrets, "Secret", "rightsize-db").path("stringData");
        JsonNode api = find(secrets, "Secret", "rightsize-api").path("stringData");
        assertTrue(PlaceholderSecrets.isPlaceholder(db.path("QUARKUS_DATASOURCE_PASSWORD").asText()));
        assertTrue(PlaceholderSecrets.isPlaceholder(api.path("RIGHTSIZE_API_TOKEN").asText()));
    }

    private static List<JsonNode> workloads(List<JsonNode> docs) {
        return docs.stream().filter(d -> Manifests.POD_TEMPLATE_KINDS.contains(d.path("kind").asText())).toList();
    }

    private static Set<String> names(List<JsonNode> docs) {
        Set<String> names = new TreeSet<>();
        docs.forEach(d -> names.add(d.at("/metadata/name").asText()));
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new HashMap<>();
        labels.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    /** Every container mounts an emptyDir at /tmp, writable. */
    private static boolean writableTmp(JsonNode pod) {
        Set<String> emptyDirs = new TreeSet<>();
        pod.path("volumes").forEach(v -> {
            if (v.has("emptyDir")) {
                emptyDirs.add(v.path("name").asText());
            }
        });
        for (JsonNode container : pod.path("containers")) {
            boolean tmp = false;
            for (JsonNode mount : container.path("volumeMounts")) {
                tmp |= mount.path("mountPath").asText().equals("/tmp") && emptyDirs.contains(mount.path("name").asText())
                        && !mount.path("readOnly").asBoolean();
            }
            if (!tmp) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> documents(String kustomization) throws Exception {
        if (!kustomization.equals("base")) {
            assumeTrue(Manifests.kubectlPresent(), "kubectl is not installed: only the raw base is checked");
        }
        return Manifests.documents(kustomization);
    }

    /**
     * The pods of a rendered overlay, the cluster DNS and "outside" (clients, the API server), and which of them
     * may reach which on which port under the overlay's NetworkPolicies, evaluated as the API defines them: a pod
     * no policy selects for a direction is open in it; otherwise a connection needs a rule of a selecting policy on
     * both ends.
     */
    private static final class Network {

        record Pod(String name, String namespace, Map<String, String> labels) {
        }

        private static final Pod DNS = new Pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"));
        private static final Pod OUTSIDE = new Pod("outside", "", Map.of());

        final List<Pod> pods = new ArrayList<>();
        private final List<JsonNode> policies;
        private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();

        Network(List<JsonNode> docs) {
            for (JsonNode workload : workloads(docs)) {
                pods.add(new Pod(workload.at("/metadata/name").asText(), workload.at("/metadata/namespace").asText(),
                        labels(workload.at("/spec/template/metadata/labels"))));
            }
            pods.add(new Pod("rightsize-task", APP_NAMESPACE, TASK_POD));
            policies = docs.stream().filter(d -> d.path("kind").asText().equals("NetworkPolicy")).toList();
            for (JsonNode ns : docs.stream().filter(d -> d.path("kind").asText().equals("Namespace")).toList()) {
                Map<String, String> nsLabels = labels(ns.at("/metadata/labels"));
                nsLabels.put("kubernetes.io/metadata.name", ns.at("/metadata/name").asText());
                namespaceLabels.put(ns.at("/metadata/name").asText(), nsLabels);
            }
            namespaceLabels.put("kube-system", Map.of("kubernetes.io/metadata.name", "kube-system"));
        }

        /** Every allowed "source -> destination PROTOCOL/port" over the ports any policy names. */
        Set<String> flows() {
            Set<String> ports = new TreeSet<>();
            for (JsonNode policy : policies) {
                for (String direction : List.of("ingress", "egress")) {
                    for (JsonNode rule : policy.at("/spec/" + direction)) {
                        rule.path("ports").forEach(p -> ports.add(port(p)));
                    }
                }
            }
            List<Pod> sources = new ArrayList<>(pods);
            sources.add(OUTSIDE);
            List<Pod> destinations = new ArrayList<>(pods);
            destinations.add(OUTSIDE);
            destinations.add(DNS);
            Set<String> flows = new TreeSet<>();
            for (Pod from : sources) {
                for (Pod to : destinations) {
                    for (String port : ports) {
                        // The cluster DNS is not ours to police: only who may reach it, and only on its port.
                        if (from == OUTSIDE && (to == OUTSIDE || to == DNS) || to == DNS && !port.endsWith("/53")) {
                            continue;
                        }
                        if (allowed(from, to, port, "egress") && allowed(to, from, port, "ingress")) {
                            flows.add(from.name() + " -> " + to.name() + " " + port);
                        }
                    }
                }
            }
            return flows;
        }

        List<JsonNode> policiesSelecting(Pod pod) {
            return policies.stream().filter(p -> p.at("/metadata/namespace").asText().equals(pod.namespace())
                    && matches(p.at("/spec/podSelector"), pod.labels())).toList();
        }

        /** Whether {@code pod}'s policies for {@code direction} let it talk to {@code peer} on {@code port}. */
        private boolean allowed(Pod pod, Pod peer, String port, String direction) {
            if (pod == OUTSIDE || pod == DNS) {
                return true;
            }
            String type = direction.equals("ingress") ? "Ingress" : "Egress";
            List<JsonNode> selecting = policiesSelecting(pod).stream()
                    .filter(p -> texts(p.at("/spec/policyTypes")).contains(type)).toList();
            if (selecting.isEmpty()) {
                return true;
            }
            String peers = direction.equals("ingress") ? "from" : "to";
            for (JsonNode policy : selecting) {
                for (JsonNode rule : policy.at("/spec/" + direction)) {
                    boolean portOk = !rule.has("ports") || rule.path("ports").isEmpty()
                            || stream(rule.path("ports")).anyMatch(p -> port(p).equals(port));
                    boolean peerOk = !rule.has(peers) || rule.path(peers).isEmpty()
                            || stream(rule.path(peers)).anyMatch(p -> peerMatches(p, policy, peer));
                    if (portOk && peerOk) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean peerMatches(JsonNode peer, JsonNode policy, Pod pod) {
            if (peer.has("ipBlock")) {
                return pod == OUTSIDE;
            }
            if (pod == OUTSIDE) {
                return false;
            }
            boolean namespaceOk = peer.has("namespaceSelector")
                    ? matches(peer.path("namespaceSelector"), namespaceLabels.getOrDefault(pod.namespace(), Map.of()))
                    : pod.namespace().equals(policy.at("/metadata/namespace").asText());
            return namespaceOk && (!peer.has("podSelector") || matches(peer.path("podSelector"), pod.labels()));
        }

        static boolean matches(JsonNode selector, Map<String, String> labels) {
            for (var e : (Iterable<Map.Entry<String, JsonNode>>) () -> selector.path("matchLabels").fields()) {
                if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
            for (JsonNode expression : selector.path("matchExpressions")) {
                String value = labels.get(expression.path("key").asText());
                Set<String> values = texts(expression.path("values"));
                boolean ok = switch (expression.path("operator").asText()) {
                    case "In" -> value != null && values.contains(value);
                    case "NotIn" -> value == null || !values.contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new AssertionError("unknown operator in " + expression);
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        private static String port(JsonNode port) {
            return port.path("protocol").asText("TCP") + "/" + port.path("port").asText();
        }

        private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
            List<JsonNode> list = new ArrayList<>();
            array.forEach(list::add);
            return list.stream();
        }
    }
}
