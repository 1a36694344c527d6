package io.rightsize.common.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rightsize.common.json.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/** Structural and byte-level mutations of one valid order, generated from a fixed seed. */
final class OrderMutations {

    /** The valid order every mutation starts from; its image is {@code in.png} in the validated root. */
    static final String VALID = "{\"id\":\"corpus-1\",\"image\":\"in.png\","
            + "\"tasks\":[\"grayscale\",{\"name\":\"blur\",\"params\":{\"radius\":3}}]}";

    private static final List<String> WRONG_VALUES = List.of("null", "true", "false", "0", "1", "-1", "1.5",
            "\"x\"", "[]", "{}", "[1]", "{\"a\":1}");

    /** Replacements that leave the order valid: a generated or integer id, default params, an in-range radius. */
    private static final Set<String> STILL_VALID = Set.of("id=null", "id=\"x\"", "id=0", "id=1", "tasks[1].params=null",
            "tasks[1].params={}", "tasks[1].params.radius=1");

    private record Location(String path, Function<ObjectNode, ObjectNode> parent, String key) {
    }

    private static final List<Location> LOCATIONS = List.of(
            new Location("id", o -> o, "id"),
            new Location("image", o -> o, "image"),
            new Location("tasks", o -> o, "tasks"),
            new Location("tasks[1].name", o -> (ObjectNode) o.get("tasks").get(1), "name"),
            new Location("tasks[1].params", o -> (ObjectNode) o.get("tasks").get(1), "params"),
            new Location("tasks[1].params.radius", o -> (ObjectNode) o.get("tasks").get(1).get("params"), "radius"));

    private OrderMutations() {
    }

    static List<CorpusCase> all(long seed) {
        List<CorpusCase> cases = new ArrayList<>();
        cases.add(CorpusCase.accepted("the valid order itself", VALID));
        cases.addAll(wrongTypes());
        cases.addAll(removals());
        cases.addAll(duplicates());
        cases.addAll(truncations());
        cases.addAll(byteFlips(new Random(seed), 150));
        return cases;
    }

    private static List<CorpusCase> wrongTypes() {
        List<CorpusCase> cases = new ArrayList<>();
        for (String value : WRONG_VALUES) {
            for (Location location : LOCATIONS) {
                ObjectNode order = valid();
                location.parent().apply(order).set(location.key(), node(value));
                String name = location.path() + "=" + value;
                cases.add(STILL_VALID.contains(name) ? CorpusCase.accepted(name, write(order))
                        : CorpusCase.refused(name, write(order), location.path()));
            }
            ObjectNode order = valid();
            ((ArrayNode) order.get("tasks")).set(0, node(value));
            cases.add(CorpusCase.refused("tasks[0]=" + value, write(order), "tasks[0]"));
        }
        return cases;
    }

    private static List<CorpusCase> removals() {
        List<CorpusCase> cases = new ArrayList<>();
        for (Location location : LOCATIONS) {
            ObjectNode order = valid();
            location.parent().apply(order).remove(location.key());
            String name = "without " + location.path();
            boolean stillValid = Set.of("id", "tasks[1].params", "tasks[1].params.radius").contains(location.path());
            cases.add(stillValid ? CorpusCase.accepted(name, write(order))
                    : CorpusCase.refused(name, write(order), location.path()));
        }
        ObjectNode order = valid();
        ((ArrayNode) order.get("tasks")).remove(0);
        cases.add(CorpusCase.accepted("without tasks[0]", write(order)));
        return cases;
    }

    /** A repeated key is refused as a whole (the document is ambiguous); a repeated task is just run twice. */
    private static List<CorpusCase> duplicates() {
        List<CorpusCase> cases = new ArrayList<>();
        for (String key : List.of("id", "image", "tasks", "name", "params", "radius")) {
            int at = VALID.indexOf("\"" + key + "\":");
            String repeated = VALID.substring(0, at) + "\"" + key + "\":" + someValue(key) + "," + VALID.substring(at);
            cases.add(CorpusCase.refused("key " + key + " given twice", repeated, "order"));
        }
        ObjectNode order = valid();
        ((ArrayNode) order.get("tasks")).add("grayscale").add("grayscale");
        cases.add(CorpusCase.accepted("a task listed three times", write(order)));
        return cases;
    }

    private static String someValue(String key) {
        return switch (key) {
            case "tasks" -> "[\"sobel\"]";
            case "params" -> "{}";
            case "radius" -> "5";
            default -> "\"other\"";
        };
    }

    private static List<CorpusCase> truncations() {
        List<CorpusCase> cases = new ArrayList<>();
        for (int length = 0; length < VALID.length(); length++) {
            cases.add(CorpusCase.refused("cut to " + length + " chars", VALID.substring(0, length), "order"));
        }
        return cases;
    }

    /** Flips change any byte to any byte (invalid UTF-8 included): the outcome may go either way, never crash. */
    private static List<CorpusCase> byteFlips(Random random, int count) {
        List<CorpusCase> cases = new ArrayList<>();
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < count; i++) {
            byte[] bytes = valid.clone();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                int at = random.nextInt(bytes.length);
                bytes[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (32 + random.nextInt(95));
            }
            cases.add(CorpusCase.either("byte flip #" + i, new String(bytes, StandardCharsets.UTF_8)));
        }
        return cases;
    }

    static ObjectNode valid() {
        return (ObjectNode) node(VALID);
    }

    static JsonNode node(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(JsonNode order) {
        return Json.write(order);
    }

    static String withTasks(String image, List<String> tasks) {
        return "{\"image\":\"" + image + "\",\"tasks\":[" + String.join(",", tasks) + "]}";
    }

    static List<String> copies(int count, String task) {
        return Collections.nCopies(count, task);
    }
}
