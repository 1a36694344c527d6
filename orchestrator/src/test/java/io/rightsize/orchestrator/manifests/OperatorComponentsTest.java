package io.rightsize.orchestrator.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rightsize.devstack.Stack;
import io.rightsize.devstack.manifests.Manifests;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Strimzi and CloudNativePG components, as the operators overlay renders them: the bundled broker and database
 * are gone, the topics are the services' own with the prefix they are given, the KafkaUser's prefix ACLs cover every
 * topic and consumer group, and every credential a service reads is a Secret the overlay or an operator provides.
 */
class OperatorComponentsTest {

    private static final Pattern TOPIC = Pattern.compile("^mp\\.messaging\\.[a-z-]+\\.[a-z-]+\\.(?:dead-letter-queue\\.)?"
            + "topic=\\$\\{rightsize\\.kafka\\.topic-prefix:}([a-z-]+)$", Pattern.MULTILINE);
    private static final Pattern GROUP = Pattern.compile("^mp\\.messaging\\.incoming\\.[a-z-]+\\.group\\.id=([a-z-]+)$",
            Pattern.MULTILINE);
    /** What the operators write: the KafkaUser's Secret (its name), CloudNativePG's "<cluster>-app". */
    private static final Map<String, Set<String>> GENERATED_KEYS = Map.of(
            "rightsize", Set.of("password", "sasl.jaas.config"),
            "rightsize-kafka-user", Set.of("password", "sasl.jaas.config"),
            "rightsize-db-app", Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri"));

    private static List<JsonNode> docs;

    @BeforeAll
    static void render() throws Exception {
        assumeTrue(Manifests.kubectlPresent(), "kubectl renders the overlays");
        docs = Manifests.documents("overlays/operators");
    }

    @Test
    void theBundledBrokerAndDatabaseAreReplaced() {
        for (String[] gone : new String[][] {{"StatefulSet", "kafka"}, {"StatefulSet", "postgres"},
            {"Job", "kafka-topics"}, {"Secret", "rightsize-db"}, {"PodDisruptionBudget", "kafka"}}) {
            assertTrue(docs.stream().noneMatch(d -> d.path("kind").asText().equals(gone[0])
                    && d.at("/metadata/name").asText().equals(gone[1])), gone[0] + " " + gone[1]);
        }
        JsonNode pool = only("KafkaNodePool");
        assertEquals("kafka", pool.at("/spec/template/pod/metadata/labels/app.kubernetes.io~1name").asText(),
                "the services' NetworkPolicies select the brokers by this label");
        assertEquals("postgres", only("Cluster").at("/spec/inheritedMetadata/labels/app.kubernetes.io~1name")
                .asText());
    }

    @Test
    void theTopicsAndAclsAreTheServicesOwnWithThePrefix() throws Exception {
        Set<String> topics = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (String module : List.of("orchestrator", "monitor-consumer", "monitor-producer")) {
            String props = Files.readString(Manifests.ROOT.resolve(module)
                    .resolve("src/main/resources/application.properties"));
            collect(TOPIC.matcher(props), topics);
            collect(GROUP.matcher(props), groups);
        }
        // The producer's group is per node (TaskEventGroup): monitor-producer-<node>.
        groups.add("monitor-producer-node-a");
        String prefix = configValue("orchestrator-config", "RIGHTSIZE_KAFKA_TOPIC_PREFIX");
        Map<String, Integer> declared = new HashMap<>();
        docs.stream().filter(d -> d.path("kind").asText().equals("KafkaTopic"))
                .forEach(t -> declared.put(t.at("/metadata/name").asText(), t.at("/spec/partitions").asInt()));
        Map<String, Integer> expected = new HashMap<>();
        topics.forEach(t -> expected.put(prefix + t, Stack.TOPICS.get(t)));
        assertEquals(expected, declared, "every topic a service uses, with the partitions the stack gives it");

        List<String[]> acls = new ArrayList<>();
        only("KafkaUser").at("/spec/authorization/acls").forEach(acl -> acls.add(new String[] {
            acl.at("/resource/type").asText(), acl.at("/resource/name").asText(),
            acl.at("/resource/patternType").asText()}));
        for (String topic : declared.keySet()) {
            assertTrue(acls.stream().anyMatch(a -> a[0].equals("topic") && covers(a, topic)), topic);
        }
        for (String group : groups) {
            assertTrue(acls.stream().anyMatch(a -> a[0].equals("group") && covers(a, group)), group);
        }
        for (String service : List.of("orchestrator-config", "monitor-consumer-config", "monitor-producer-config")) {
            assertEquals(prefix, configValue(service, "RIGHTSIZE_KAFKA_TOPIC_PREFIX"), service);
            assertEquals(only("Kafka").at("/metadata/name").asText() + "-kafka-bootstrap.rightsize.svc:9092",
                    configValue(service, "KAFKA_BOOTSTRAP_SERVERS"), service);
            assertEquals("SCRAM-SHA-512", configValue(service, "KAFKA_SASL_MECHANISM"), service);
        }
        assertEquals("scram-sha-512", only("Kafka").at("/spec/kafka/listeners/0/authentication/type").asText());
    }

    @Test
    void everyCredentialIsAProvidedOrGeneratedSecret() {
        Set<String> provided = new HashSet<>();
        docs.stream().filter(d -> d.path("kind").asText().equals("Secret"))
                .forEach(d -> provided.add(d.at("/metadata/name").asText()));
        String cluster = only("Cluster").at("/metadata/name").asText();
        for (JsonNode workload : docs) {
            if (!Set.of("Deployment", "DaemonSet").contains(workload.path("kind").asText())) {
                continue;
            }
            for (JsonNode env : Manifests.podSpec(workload).at("/containers/0/env")) {
                JsonNode ref = env.at("/valueFrom/secretKeyRef");
                if (ref.isMissingNode()) {
                    continue;
                }
                String name = ref.path("name").asText();
                assertTrue(provided.contains(name) || GENERATED_KEYS.getOrDefault(name, Set.of())
                        .contains(ref.path("key").asText()), workload.at("/metadata/name").asText() + " reads "
                        + name + "/" + ref.path("key").asText());
            }
        }
        assertEquals("postgresql://" + cluster + "-rw:5432/rightsize",
                configValue("predictor-config", "QUARKUS_DATASOURCE_REACTIVE_URL"));
    }

    private static boolean covers(String[] acl, String name) {
        return acl[2].equals("prefix") ? name.startsWith(acl[1]) : name.equals(acl[1]);
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static String configValue(String configMap, String key) {
        return Manifests.find(docs, "ConfigMap", configMap).at("/data/" + key).asText();
    }

    private static JsonNode only(String kind) {
        List<JsonNode> found = docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
        assertEquals(1, found.size(), kind);
        return found.get(0);
    }
}
