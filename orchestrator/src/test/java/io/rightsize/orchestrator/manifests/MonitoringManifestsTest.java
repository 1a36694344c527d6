package io.rightsize.orchestrator.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rightsize.devstack.manifests.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The optional monitoring component: a PodMonitor per service scraping the port and path the service serves its
 * metrics on, and a dashboard whose every Rightsize metric is one some service registers (a renamed meter fails
 * here, not on a blank panel).
 */
class MonitoringManifestsTest {

    private static final Path MONITORING = Manifests.KUBERNETES.resolve("monitoring");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> SERVICES = List.of("orchestrator", "monitor-consumer", "predictor",
            "monitor-producer");
    private static final Pattern METER = Pattern.compile("(?:builder|timed)\\(\"(rightsize\\.[a-z.]+)\"");
    private static final Pattern CONSTANT = Pattern.compile("NAME = \"(rightsize\\.[a-z.]+)\"");
    private static final Pattern QUERIED = Pattern.compile("\\b(rightsize_[a-z_]+)");

    @Test
    void aPodMonitorPerServiceScrapesItsHttpPortAtQMetrics() throws Exception {
        List<JsonNode> monitors = YAML.readValues(YAML.createParser(MONITORING.resolve("podmonitors.yaml").toFile()),
                JsonNode.class).readAll();
        List<JsonNode> base = Manifests.documents("base");
        for (String service : SERVICES) {
            JsonNode monitor = monitors.stream().filter(m -> m.path("metadata").path("name").asText().equals(service))
                    .findFirst().orElseThrow(() -> new AssertionError("no PodMonitor for " + service));
            assertEquals("PodMonitor", monitor.path("kind").asText());
            JsonNode selector = monitor.path("spec").path("selector").path("matchLabels");
            JsonNode template = Manifests.workload(base, service).path("spec").path("template");
            selector.fields().forEachRemaining(label -> assertEquals(label.getValue().asText(),
                    template.path("metadata").path("labels").path(label.getKey()).asText(),
                    service + "'s pods carry the selected label " + label.getKey()));
            JsonNode endpoint = monitor.path("spec").path("podMetricsEndpoints").get(0);
            assertEquals("/q/metrics", endpoint.path("path").asText());
            List<String> ports = new ArrayList<>();
            Manifests.podSpec(Manifests.workload(base, service)).path("containers").get(0).path("ports")
                    .forEach(p -> ports.add(p.path("name").asText()));
            assertTrue(ports.contains(endpoint.path("port").asText()), service + " names its port " + ports);
        }
    }

    @Test
    void theDashboardQueriesOnlyMetricsTheServicesRegister() throws IOException {
        Set<String> registered = registeredMetrics();
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("rightsize-dashboard.json").toFile());
        Set<String> queried = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertFalse(panel.path("targets").isEmpty(), panel.path("title").asText());
            for (JsonNode target : panel.path("targets")) {
                Matcher m = QUERIED.matcher(target.path("expr").asText());
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }
        assertTrue(queried.contains("rightsize_recommendation"), queried.toString());
        for (String metric : queried) {
            assertTrue(registered.stream().anyMatch(metric::startsWith), metric + " is none of " + registered);
        }
    }

    /** Every meter name the services' sources register, as Prometheus names it ({@code rightsize_tasks_ended}). */
    private static Set<String> registeredMetrics() throws IOException {
        Set<String> names = new HashSet<>();
        for (String module : SERVICES) {
            try (Stream<Path> sources = Files.walk(Manifests.ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(source);
                    for (Pattern p : List.of(METER, CONSTANT)) {
                        Matcher m = p.matcher(text);
                        while (m.find()) {
                            names.add(m.group(1).replace('.', '_'));
                        }
                    }
                }
            }
        }
        return names;
    }
}
