package io.rightsize.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.rightsize.common.json.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The shapes {@code recommend -o} prints: for people, for scripts, and for kustomize. */
public enum RecommendationFormat {
    /** Aligned columns with the basis of each figure. */
    TABLE,
    /** {@link Recommendations} as JSON. */
    JSON,
    /** The same as YAML. */
    YAML,
    /** One row per task: position, service, the four quantities, the basis. */
    CSV,
    /** A strategic-merge patch per service, a Deployment of that name with a container of that name. */
    PATCH;

    private static final ObjectMapper YAML_MAPPER = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final CsvMapper CSV_MAPPER = new CsvMapper();

    public String render(Recommendations r) {
        try {
            return switch (this) {
                case TABLE -> table(r);
                case JSON -> Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r) + "\n";
                case YAML -> YAML_MAPPER.writeValueAsString(r);
                case CSV -> csv(r);
                case PATCH -> patches(r);
            };
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot print the recommendation as " + name().toLowerCase(Locale.ROOT), e);
        }
    }

    private static String table(Recommendations r) {
        StringBuilder s = new StringBuilder("recommender: " + r.recommender() + "\n");
        s.append(String.format(Locale.ROOT, "%-3s %-10s %15s %19s  %s%n", "#", "service", "CPU req/lim",
                "memory req/lim", "basis"));
        for (Recommendations.TaskResources t : r.tasks()) {
            s.append(String.format(Locale.ROOT, "%-3d %-10s %15s %19s  %s%n", t.position(), t.service(),
                    t.requests().cpu() + "/" + t.limits().cpu(), t.requests().memory() + "/" + t.limits().memory(),
                    t.basis()));
        }
        return s.toString();
    }

    private static String csv(Recommendations r) throws JsonProcessingException {
        CsvSchema schema = CsvSchema.builder().addColumn("position").addColumn("service").addColumn("cpu_request")
                .addColumn("cpu_limit").addColumn("memory_request").addColumn("memory_limit").addColumn("basis")
                .build().withHeader();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Recommendations.TaskResources t : r.tasks()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("position", t.position());
            row.put("service", t.service());
            row.put("cpu_request", t.requests().cpu());
            row.put("cpu_limit", t.limits().cpu());
            row.put("memory_request", t.requests().memory());
            row.put("memory_limit", t.limits().memory());
            row.put("basis", t.basis());
            rows.add(row);
        }
        return CSV_MAPPER.writer(schema).writeValueAsString(rows);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** One YAML document per service (the first task of each), separated by {@code ---}. */
    private static String patches(Recommendations r) throws JsonProcessingException {
        Map<String, Recommendations.TaskResources> byService = new LinkedHashMap<>();
        r.tasks().forEach(t -> byService.putIfAbsent(t.service(), t));
        List<String> documents = new ArrayList<>();
        for (Recommendations.TaskResources t : byService.values()) {
            // Ordered maps: a patch reads the same on every run.
            Map<String, Object> container = ordered("name", t.service(), "resources",
                    ordered("requests", t.requests(), "limits", t.limits()));
            Map<String, Object> patch = ordered("apiVersion", "apps/v1", "kind", "Deployment");
            patch.put("metadata", ordered("name", t.service(), "annotations",
                    ordered("rightsize.io/recommender", r.recommender())));
            patch.put("spec", ordered("template", ordered("spec", ordered("containers", List.of(container)))));
            documents.add(YAML_MAPPER.writeValueAsString(patch));
        }
        return String.join("---\n", documents);
    }
}
