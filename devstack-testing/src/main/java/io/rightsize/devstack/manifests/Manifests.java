package io.rightsize.devstack.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the kustomize manifests under kubernetes/ so each service's tests can check them against its own code. */
public final class Manifests {

    /** The repository root seen from a module's directory, where Maven runs its tests. */
    public static final Path ROOT = Path.of("..");
    public static final Path KUBERNETES = ROOT.resolve("kubernetes");

    /** Every kind whose objects carry a pod template at {@code spec.template}. */
    public static final Set<String> POD_TEMPLATE_KINDS = Set.of("Deployment", "DaemonSet", "StatefulSet", "Job");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)");
    // The volume types and seccomp profiles the restricted Pod Security Standard allows.
    private static final Set<String> RESTRICTED_VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");
    private static final Set<String> RESTRICTED_SECCOMP = Set.of("RuntimeDefault", "Localhost");

    private Manifests() {
    }

    /**
     * The base as raw files (no kubectl needed: its kustomizations' resources, directories followed, without what
     * kustomize adds: namespaces and common labels), an overlay as {@code kubectl kustomize} renders it.
     */
    public static List<JsonNode> documents(String kustomization) throws IOException, InterruptedException {
        if (kustomization.equals("base")) {
            return raw(KUBERNETES.resolve("base"));
        }
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", KUBERNETES.resolve(kustomization).toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String rendered = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (kubectl.waitFor() != 0) {
            throw new IOException("kubectl kustomize " + kustomization + " failed");
        }
        return read(rendered);
    }

    private static List<JsonNode> raw(Path kustomization) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        for (JsonNode resource : read(Files.readString(kustomization.resolve("kustomization.yaml"))).get(0)
                .path("resources")) {
            Path path = kustomization.resolve(resource.asText());
            docs.addAll(Files.isDirectory(path) ? raw(path) : read(Files.readString(path)));
        }
        return docs;
    }

    /** Overlays are rendered by kubectl; without it, tests check the raw base only. */
    public static boolean kubectlPresent() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    public static JsonNode find(List<JsonNode> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.path("kind").asText()) && name.equals(d.at("/metadata/name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    /** A service's workload, whatever its kind: the monitor-producer is a DaemonSet, the others Deployments. */
    public static JsonNode workload(List<JsonNode> docs, String name) {
        return docs.stream()
                .filter(d -> Set.of("Deployment", "DaemonSet", "StatefulSet").contains(d.path("kind").asText())
                        && name.equals(d.at("/metadata/name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no workload " + name));
    }

    public static JsonNode podSpec(JsonNode workload) {
        return workload.at("/spec/template/spec");
    }

    /**
     * The checks of the restricted Pod Security Standard (baseline's included) a pod spec fails, by the IDs Pod
     * Security Admission reports ({@code hostNamespaces}, {@code hostPathVolumes}, {@code restrictedVolumes},
     * {@code runAsNonRoot}...), plus {@code readOnlyRootFilesystem}, which is no Pod Security rule but ours. Empty
     * for a pod the restricted level admits with a read-only root filesystem in every container.
     */
    public static Set<String> restrictedViolations(JsonNode pod) {
        Set<String> failed = new TreeSet<>();
        JsonNode podContext = pod.path("securityContext");
        if (pod.path("hostNetwork").asBoolean() || pod.path("hostPID").asBoolean() || pod.path("hostIPC").asBoolean()) {
            failed.add("hostNamespaces");
        }
        if (podContext.has("sysctls") && !podContext.path("sysctls").isEmpty()) {
            failed.add("sysctls");
        }
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("hostPath")) {
                failed.add("hostPathVolumes");
            }
            List<String> types = new ArrayList<>();
            volume.fieldNames().forEachRemaining(types::add);
            types.remove("name");
            if (!RESTRICTED_VOLUME_TYPES.containsAll(types)) {
                failed.add("restrictedVolumes");
            }
        }
        if (podContext.path("runAsUser").asLong(-1) == 0) {
            failed.add("runAsUser");
        }
        boolean podNonRoot = podContext.path("runAsNonRoot").asBoolean(false);
        boolean podSeccomp = RESTRICTED_SECCOMP.contains(podContext.at("/seccompProfile/type").asText());
        if (podContext.at("/seccompProfile/type").asText().equals("Unconfined")) {
            failed.add("seccompProfile_restricted");
        }
        List<JsonNode> containers = new ArrayList<>();
        for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
            pod.path(list).forEach(containers::add);
        }
        for (JsonNode container : containers) {
            JsonNode context = container.path("securityContext");
            if (context.path("privileged").asBoolean()) {
                failed.add("privileged");
            }
            for (JsonNode port : container.path("ports")) {
                if (port.path("hostPort").asInt(0) != 0) {
                    failed.add("hostPorts");
                }
            }
            if (context.has("procMount") && !context.path("procMount").asText().equals("Default")) {
                failed.add("procMount");
            }
            if (!context.has("allowPrivilegeEscalation") || context.path("allowPrivilegeEscalation").asBoolean()) {
                failed.add("allowPrivilegeEscalation");
            }
            JsonNode nonRoot = context.path("runAsNonRoot");
            if (nonRoot.isBoolean() ? !nonRoot.asBoolean() : !podNonRoot) {
                failed.add("runAsNonRoot");
            }
            if (context.path("runAsUser").asLong(-1) == 0) {
                failed.add("runAsUser");
            }
            String seccomp = context.at("/seccompProfile/type").asText();
            if (seccomp.isEmpty() ? !podSeccomp : !RESTRICTED_SECCOMP.contains(seccomp)) {
                failed.add("seccompProfile_restricted");
            }
            Set<String> dropped = new HashSet<>();
            context.at("/capabilities/drop").forEach(c -> dropped.add(c.asText()));
            Set<String> added = new HashSet<>();
            context.at("/capabilities/add").forEach(c -> added.add(c.asText()));
            if (!dropped.contains("ALL") || !Set.of("NET_BIND_SERVICE").containsAll(added)) {
                failed.add("capabilities_restricted");
            }
            if (!context.path("readOnlyRootFilesystem").asBoolean()) {
                failed.add("readOnlyRootFilesystem");
            }
        }
        return failed;
    }

    /** A Role's rules as {@code group/resource:verb} strings. */
    public static Set<String> grants(JsonNode role) {
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
        return grants;
    }

    /** {@code group/resource:verb} of an API request as RBAC sees it, to hold a client's requests against a Role. */
    public static String rbacGrant(String method, String pathAndQuery) {
        String path = pathAndQuery.split("\\?")[0];
        boolean watch = pathAndQuery.contains("watch=true");
        String[] s = path.substring(1).split("/");
        int namespaced = s[0].equals("api") ? 2 : 3;
        String group = s[0].equals("api") ? "" : s[1];
        String resource = s[namespaced + 2];
        boolean named = s.length > namespaced + 3;
        if (s.length > namespaced + 4) {
            resource += "/" + s[namespaced + 4];
        }
        String verb = switch (method) {
            case "POST" -> "create";
            case "DELETE" -> "delete";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            default -> watch ? "watch" : named ? "get" : "list";
        };
        return group + "/" + resource + ":" + verb;
    }

    /** Every env var a workload's first container is given, directly or through its ConfigMaps. */
    public static List<String> envGiven(List<JsonNode> docs, JsonNode workload) {
        JsonNode container = podSpec(workload).path("containers").get(0);
        List<String> used = new ArrayList<>();
        container.path("env").forEach(e -> used.add(e.path("name").asText()));
        for (JsonNode source : container.path("envFrom")) {
            find(docs, "ConfigMap", source.at("/configMapRef/name").asText()).path("data").fieldNames()
                    .forEachRemaining(used::add);
        }
        return used;
    }

    public static Properties properties(String module) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(
                ROOT.resolve(module).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    /** Environment names Quarkus maps onto the given properties, and those the properties reference. */
    public static Set<String> envNames(Properties properties) {
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
    public static void addMappingEnvNames(Class<?> mapping, String prefix, Set<String> names) {
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

    private static List<JsonNode> read(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        YAML.readerFor(JsonNode.class).readValues(yaml).forEachRemaining(d -> {
            if (d != null && !((JsonNode) d).isNull()) {
                docs.add((JsonNode) d);
            }
        });
        return docs;
    }
}
