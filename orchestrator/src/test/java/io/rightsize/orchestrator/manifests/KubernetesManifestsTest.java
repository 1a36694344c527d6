package io.rightsize.orchestrator.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests under kubernetes/ agree with the code: names, ports, env vars, the service account and the Role.
 * The base is read as raw files, so this runs anywhere; the overlays are rendered when kubectl is installed.
 */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = Path.of("..", "kubernetes");
    private static final Path ROOT = Path.of("..");
    private static final Map<String, Integer> HTTP_PORTS =
            Map.of("orchestrator", 8081, "monitor-consumer", 8082, "predictor", 8083, "monitor-producer", 8084);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void orchestratorRunsUnderItsBoundServiceAccount(String kustomization) throws Exception {
        List<JsonNode> docs = documents(kustomization);

        assertEquals("orchestrator", podSpec(find(docs, "Deployment", "orchestrator")).path("serviceAccountName")
                .asText());
        find(docs, "ServiceAccount", "orchestrator");
        JsonNode binding = find(docs, "RoleBinding", "orchestrator-task-runner");
        assertEquals("Role", binding.at("/roleRef/kind").asText());
        assertEquals("orchestrator-task-runner", binding.at("/roleRef/name").asText());
        assertEquals("orchestrator", binding.at("/subjects/0/name").asText());
        for (String other : List.of("monitor-consumer", "monitor-producer", "predictor")) {
            assertFalse(podSpec(find(docs, "Deployment", other)).has("serviceAccountName"), other);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void roleGrantsExactlyWhatTheTaskRunnerUses(String kustomization) throws Exception {
        JsonNode role = find(documents(kustomization), "Role", "orchestrator-task-runner");

        Set<String> grants = new TreeSet<>();
        for (JsonNode rule : role.path("rules")) {
            for (JsonNode group : rule.path("apiGroups")) {
                for (JsonNode resource : rule.path("resources")) {
                    for (JsonNode verb : rule.path("verbs")) {
                        grants.add(group.asText() + "/" + resource.asText() + ":" + verb.asText());
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(Set.of("batch/jobs:create", "batch/jobs:get", "batch/jobs:list",
                "batch/jobs:watch", "batch/jobs:delete", "/pods:get", "/pods:list", "/pods:watch",
                "/pods/log:get", "/pods/log:list", "/pods/log:watch")), grants);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void portsAndProbesMatchEachServicesHttpPort(String kustomization) throws Exception {
        List<JsonNode> docs = documents(kustomization);

        for (Map.Entry<String, Integer> service : HTTP_PORTS.entrySet()) {
            String name = service.getKey();
            assertEquals(service.getValue(), Integer.parseInt(properties(name).getProperty("quarkus.http.port")));
            JsonNode container = podSpec(find(docs, "Deployment", name)).path("containers").get(0);
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

        for (String name : HTTP_PORTS.keySet()) {
            Set<String> known = envNames(properties(name));
            if (name.equals("orchestrator")) {
                addMappingEnvNames(OrchestratorConfig.class, "rightsize.orchestrator", known);
            }
            JsonNode container = podSpec(find(docs, "Deployment", name)).path("containers").get(0);
            List<String> used = new ArrayList<>();
            container.path("env").forEach(e -> used.add(e.path("name").asText()));
            for (JsonNode source : container.path("envFrom")) {
                find(docs, "ConfigMap", source.at("/configMapRef/name").asText()).path("data").fieldNames()
                        .forEachRemaining(used::add);
            }
            assertFalse(used.isEmpty(), name);
            for (String env : used) {
                assertTrue(known.contains(env), name + " is given " + env + ", which it does not read");
            }
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
        JsonNode pod = podSpec(find(docs, "Deployment", "orchestrator"));
        assertEquals(claim, pod.at("/volumes/0/persistentVolumeClaim/claimName").asText());
        assertEquals(mountPath, pod.at("/containers/0/volumeMounts/0/mountPath").asText());
        assertTrue(config.path("RIGHTSIZE_ORCHESTRATOR_WORK_DIR").asText().startsWith(mountPath + "/"));
        assertTrue(config.path("RIGHTSIZE_ORCHESTRATOR_INPUT_ROOTS").asText().startsWith(mountPath + "/"));
    }

    /** The base as raw files (no kubectl needed), an overlay as kubectl renders it. */
    private static List<JsonNode> documents(String kustomization) throws IOException, InterruptedException {
        if (kustomization.equals("base")) {
            List<JsonNode> docs = new ArrayList<>();
            Path base = KUBERNETES.resolve("base");
            for (JsonNode file : read(Files.readString(base.resolve("kustomization.yaml"))).get(0).path("resources")) {
                docs.addAll(read(Files.readString(base.resolve(file.asText()))));
            }
            return docs;
        }
        assumeTrue(kubectlPresent(), "kubectl is not installed: only the raw base is checked");
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", KUBERNETES.resolve(kustomization).toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String rendered = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, kubectl.waitFor(), "kubectl kustomize " + kustomization);
        return read(rendered);
    }

    private static boolean kubectlPresent() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<JsonNode> read(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        YAML.readerFor(JsonNode.class).readValues(yaml).forEachRemaining(d -> {
            if (d != null && !((JsonNode) d).isNull()) {
                docs.add((JsonNode) d);
            }
        });
        return docs;
    }

    private static JsonNode find(List<JsonNode> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.path("kind").asText()) && name.equals(d.at("/metadata/name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static JsonNode podSpec(JsonNode workload) {
        return workload.at("/spec/template/spec");
    }

    private static Properties properties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(
                ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    /** Environment names Quarkus maps onto the given properties, and those the properties reference. */
    private static Set<String> envNames(Properties properties) {
        Set<String> names = new HashSet<>();
        for (String key : properties.stringPropertyNames()) {
            names.add(envName(key));
            Matcher reference = ENV_REFERENCE.matcher(properties.getProperty(key));
            while (reference.find()) {
                names.add(reference.group(1));
            }
        }
        return names;
    }

    /** Every property of a {@code @ConfigMapping} interface, nested groups included, as an environment name. */
    private static void addMappingEnvNames(Class<?> mapping, String prefix, Set<String> names) {
        for (Method method : mapping.getDeclaredMethods()) {
            String property = prefix + "." + method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getEnclosingClass() == mapping) {
                addMappingEnvNames(type, property, names);
            } else {
                names.add(envName(property));
            }
        }
    }

    private static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }
}
