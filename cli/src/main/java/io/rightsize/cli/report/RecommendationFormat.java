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
    /** One row per task: position, service (and container), the four quantities, the basis. */
    CSV,
    /**
     * A strategic-merge patch per service, a Deployment of that name with a container of that name (of each of its
     * containers' names, for a workload's).
     */
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
        int width = Math.max(10, r.tasks().stream().mapToInt(t -> t.label().length()).max().orElse(0));
        String row = "%-3s %-" + width + "s %15s %19s  %s%n";
        StringBuilder s = new StringBuilder("recommender: " + r.recommender() + "\n");
        s.append(String.format(Locale.ROOT, row, "#", "service", "CPU req/lim", "memory req/lim", "basis"));
        for (Recommendations.TaskResources t : r.tasks()) {
            s.append(String.format(Locale.ROOT, row, t.position(), t.label(),
                    orDash(t.requests().cpu()) + "/" + orDash(t.limits().cpu()),
                    orDash(t.requests().memory()) + "/" + orDash(t.limits().memory()), t.basis()));
        }
        return s.toString();
    }

    /** A container column only where the rows are containers of workloads, so an order's CSV stays as it was. */
    private static String csv(Recommendations r) throws JsonProcessingException {
        boolean containers = r.tasks().stream().anyMatch(t -> t.container() != null);
        CsvSchema.Builder columns = CsvSchema.builder().addColumn("position").addColumn("service");
        if (containers) {
            columns.addColumn("container");
        }
        CsvSchema schema = columns.addColumn("cpu_request").addColumn("cpu_limit").addColumn("memory_request")
                .addColumn("memory_limit").addColumn("basis").build().withHeader();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Recommendations.TaskResources t : r.tasks()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("position", t.position());
            row.put("service", t.service());
            if (containers) {
                row.put("container", t.container());
            }
            row.put("cpu_request", t.requests().cpu());
            row.put("cpu_limit", t.limits().cpu());
            row.put("memory_request", t.requests().memory());
            row.put("memory_limit", t.limits().memory());
            row.put("basis", t.basis());
            rows.add(row);
        }
        return CSV_MAPPER.writer(schema).writeValueAsString(rows);
    }

    private static String orDash(String quantity) {
        return quantity == null ? "-" : quantity;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /**
     * One YAML document per service, with a container per container name (an order's service: its first task;
     * a workload: each of its containers), separated by {@code ---}.
     */
    private static String patches(Recommendations r) throws JsonProcessingException {
        Map<String, Map<String, Recommendations.TaskResources>> byService = new LinkedHashMap<>();
        r.tasks().forEach(t -> byService.computeIfAbsent(t.service(), s -> new LinkedHashMap<>())
                .putIfAbsent(t.containerName(), t));
        List<String> documents = new ArrayList<>();
        for (Map.Entry<String, Map<String, Recommendations.TaskResources>> service : byService.entrySet()) {
            // Ordered maps: a patch reads the same on every run.
            List<Map<String, Object>> containers = service.getValue().values().stream()
                    .map(t -> ordered("name", t.containerName(), "resources",
                            ordered("requests", t.requests(), "limits", t.limits())))
                    .toList();
            Map<String, Object> patch = ordered("apiVersion", "apps/v1", "kind", "Deployment");
            patch.put("metadata", ordered("name", service.getKey(), "annotations",
                    ordered("rightsize.io/recommender", r.recommender())));
            patch.put("spec", ordered("template", ordered("spec", ordered("containers", containers))));
            documents.add(YAML_MAPPER.writeValueAsString(patch));
        }
        return String.join("---\n", documents);
    }
}
