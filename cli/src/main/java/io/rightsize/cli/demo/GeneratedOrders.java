package io.rightsize.cli.demo;

import io.rightsize.common.json.Json;
import io.rightsize.tasks.catalog.ParamSpec;
import io.rightsize.tasks.catalog.TaskCatalog;
import io.rightsize.tasks.catalog.TaskDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes order files of varied shape for a demo large enough to learn from: each on one of the sample images, with
 * two to four distinct tasks, every parameter drawn uniformly between its minimum and its default (the defaults
 * are moderate, so no order runs for minutes). The same seed writes the same orders.
 */
public final class GeneratedOrders {

    private GeneratedOrders() {
    }

    /**
     * Replaces the order files in {@code dir} with {@code count} held-out ones: two tasks each, drawn as above, a
     * resize always last, so no task reads a resized large image (a 24 MP photo enlarged 2.5 times is 150 MP, and
     * a blur of that runs for many minutes).
     */
    public static void writeHeldOut(Path dir, int count, long seed, List<Path> images) {
        write(dir, count, seed, images, "held-out", 2);
    }

    /**
     * Replaces the order files in {@code dir} with {@code count} generated ones.
     *
     * @param images the input images to choose from, as absolute paths
     */
    public static void write(Path dir, int count, long seed, List<Path> images) {
        write(dir, count, seed, images, "generated", 0);
    }

    private static void write(Path dir, int count, long seed, List<Path> images, String prefix, int tasks) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no input images to generate orders on");
        }
        Random random = new Random(seed);
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path file : old.filter(f -> f.toString().endsWith(".json")).toList()) {
                    Files.delete(file);
                }
            }
            for (int i = 0; i < count; i++) {
                String id = String.format("%s-%d-%03d", prefix, seed, i);
                Files.writeString(dir.resolve(id + ".json"), Json.write(order(id, random, images, tasks)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated orders in " + dir, e);
        }
    }

    /** {@code count} tasks (0: two to four), a resize among them moved last when the count is fixed. */
    private static Map<String, Object> order(String id, Random random, List<Path> images, int count) {
        List<TaskDefinition> tasks = new ArrayList<>(TaskCatalog.all());
        Collections.shuffle(tasks, random);
        List<TaskDefinition> picked = new ArrayList<>(tasks.subList(0, count > 0 ? count : 2 + random.nextInt(3)));
        if (count > 0) {
            picked.sort(java.util.Comparator.comparing(t -> t.name().equals("resize")));
        }
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (TaskDefinition task : picked) {
            Map<String, Double> params = new LinkedHashMap<>();
            for (ParamSpec p : task.params()) {
                double value = p.min() + (p.defaultValue() - p.min()) * random.nextDouble();
                params.put(p.name(), p.integer() ? Math.round(value) : Math.round(value * 100) / 100.0);
            }
            chosen.add(Map.of("name", task.name(), "params", params));
        }
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", id);
        order.put("image", images.get(random.nextInt(images.size())).toString());
        order.put("tasks", chosen);
        return order;
    }
}
