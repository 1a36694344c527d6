package io.rightsize.common.order;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.rightsize.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an order file's JSON: the Rightsize format ({@code id}, {@code image}, {@code tasks}) and the original
 * system's ({@code orderID}, {@code required_tasks}). Every error names the field it is about.
 */
public final class OrderParser {

    private static final Set<String> KNOWN_FIELDS = Set.of("id", "orderID", "image", "tasks", "required_tasks");

    /** Strict where the shared mapper is lenient: a repeated key or text after the object makes the order ambiguous. */
    private static final ObjectReader READER = Json.mapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final int maxJsonBytes;

    public OrderParser(int maxJsonBytes) {
        this.maxJsonBytes = maxJsonBytes;
    }

    public OrderSpec parse(String json) {
        if (json == null || json.isBlank()) {
            throw new OrderValidationException("order", "is empty");
        }
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxJsonBytes) {
            throw new OrderValidationException("order", "is " + bytes + " bytes, at most " + maxJsonBytes + " allowed");
        }
        JsonNode root;
        try {
            root = READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new OrderValidationException("order", "malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new OrderValidationException("order", "must be a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN_FIELDS.contains(name)) {
                throw new OrderValidationException(name, "unknown field; expected id, image and tasks");
            }
        }
        String id = text(root, "id", "orderID");
        String image = text(root, "image", null);
        List<TaskRequest> tasks = tasks(root);
        return new OrderSpec(id, image, tasks);
    }

    /** A string field; ids (the only fields with a legacy name) may also be integers, as the original system wrote them. */
    private static String text(JsonNode root, String field, String legacyField) {
        if (legacyField != null && root.has(field) && root.has(legacyField)) {
            throw new OrderValidationException(legacyField, "give either " + field + " or " + legacyField + ", not both");
        }
        String name = legacyField != null && root.has(legacyField) ? legacyField : field;
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (legacyField != null && node.isIntegralNumber()) {
            return node.asText();
        }
        throw new OrderValidationException(name, "must be a string, got " + node.getNodeType().name().toLowerCase());
    }

    private static List<TaskRequest> tasks(JsonNode root) {
        if (root.has("tasks") && root.has("required_tasks")) {
            throw new OrderValidationException("required_tasks", "give either tasks or required_tasks, not both");
        }
        String field = root.has("required_tasks") ? "required_tasks" : "tasks";
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new OrderValidationException(field, "is required");
        }
        if (!node.isArray()) {
            throw new OrderValidationException(field, "must be an array of task names or {name, params} objects");
        }
        List<TaskRequest> tasks = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            tasks.add(task(node.get(i), field + "[" + i + "]"));
        }
        return tasks;
    }

    private static TaskRequest task(JsonNode node, String path) {
        if (node.isTextual()) {
            return new TaskRequest(node.textValue(), Map.of());
        }
        if (!node.isObject()) {
            throw new OrderValidationException(path, "must be a task name or a {name, params} object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("name") && !name.equals("params")) {
                throw new OrderValidationException(path + "." + name, "unknown field; expected name and params");
            }
        }
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual()) {
            throw new OrderValidationException(path + ".name", "is required and must be a string");
        }
        JsonNode params = node.get("params");
        Map<String, Double> values = new LinkedHashMap<>();
        if (params != null && !params.isNull()) {
            if (!params.isObject()) {
                throw new OrderValidationException(path + ".params", "must be an object of numbers");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> param = it.next();
                if (!param.getValue().isNumber()) {
                    throw new OrderValidationException(path + ".params." + param.getKey(), "must be a number");
                }
                values.put(param.getKey(), param.getValue().doubleValue());
            }
        }
        return new TaskRequest(name.textValue(), values);
    }
}
