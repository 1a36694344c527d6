package io.rightsize.common.order;

import io.rightsize.tasks.catalog.InvalidParamException;
import io.rightsize.tasks.catalog.TaskCatalog;
import io.rightsize.tasks.catalog.TaskDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Turns a submitted order into a {@link ValidOrder} or refuses it with the field and the reason. */
public final class OrderValidator {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final OrderLimits limits;
    private final List<Path> realRoots;
    private final List<Path> givenRoots;

    public OrderValidator(OrderLimits limits) {
        this.limits = limits;
        this.realRoots = limits.allowedRoots().stream().map(OrderValidator::realOrAbsolute).toList();
        this.givenRoots = limits.allowedRoots().stream().map(root -> root.toAbsolutePath().normalize()).toList();
    }

    public ValidOrder validate(OrderSpec spec, Path baseDir) {
        String id = validId(spec.id());
        List<ValidTask> tasks = validTasks(spec);
        Path image = validImagePath(spec.image(), baseDir);
        long bytes = size(image);
        if (bytes > limits.maxImageBytes()) {
            throw new OrderValidationException("image",
                    "is " + bytes + " bytes, at most " + limits.maxImageBytes() + " allowed");
        }
        ImageInfo info = ImageProbe.probe(image, bytes);
        if (info.width() <= 0 || info.height() <= 0) {
            throw new OrderValidationException("image", "has no pixels");
        }
        if (info.pixels() > limits.maxImagePixels()) {
            throw new OrderValidationException("image", "is " + info.width() + "x" + info.height() + " = "
                    + info.pixels() + " pixels, at most " + limits.maxImagePixels() + " allowed");
        }
        ImageCompleteness.check(image, info);
        return new ValidOrder(id, image, info, tasks);
    }

    /** The id of an order to look up: required and of the submitted form, so a bad one is refused before any query. */
    public String existingId(String id) {
        if (id.isEmpty()) {
            throw new OrderValidationException("id", "is required");
        }
        return validId(id);
    }

    private String validId(String id) {
        if (id.isEmpty()) {
            return "order-" + UUID.randomUUID().toString().substring(0, 8);
        }
        if (id.length() > limits.maxIdLength()) {
            throw new OrderValidationException("id",
                    "is " + id.length() + " characters, at most " + limits.maxIdLength() + " allowed");
        }
        if (!ID.matcher(id).matches()) {
            throw new OrderValidationException("id",
                    "may hold only letters, digits, '.', '_' and '-', and must start with a letter or digit");
        }
        return id;
    }

    private List<ValidTask> validTasks(OrderSpec spec) {
        if (spec.tasks().isEmpty()) {
            throw new OrderValidationException("tasks", "must list at least one task");
        }
        if (spec.tasks().size() > limits.maxTasks()) {
            throw new OrderValidationException("tasks",
                    "has " + spec.tasks().size() + " tasks, at most " + limits.maxTasks() + " allowed");
        }
        List<ValidTask> tasks = new ArrayList<>();
        for (int i = 0; i < spec.tasks().size(); i++) {
            TaskRequest request = spec.tasks().get(i);
            String path = "tasks[" + i + "]";
            TaskDefinition definition = TaskCatalog.find(request.name()).orElseThrow(() ->
                    new OrderValidationException(path + ".name", "unknown task '" + request.name()
                            + "'; known tasks: " + String.join(", ", TaskCatalog.names())));
            Map<String, Double> params;
            try {
                params = definition.resolveParams(request.params());
            } catch (InvalidParamException e) {
                throw new OrderValidationException(path + ".params." + e.param(), e.reason());
            }
            tasks.add(new ValidTask(i, definition, params));
        }
        return tasks;
    }

    private Path validImagePath(String image, Path baseDir) {
        if (image.isBlank()) {
            throw new OrderValidationException("image", "is required");
        }
        if (image.length() > 4096 || image.indexOf('\0') >= 0) {
            throw new OrderValidationException("image", "is not a usable path");
        }
        Path path;
        try {
            path = Path.of(image);
            if (!path.isAbsolute()) {
                Path base = baseDir != null ? baseDir : realRoots.isEmpty() ? Path.of("") : realRoots.get(0);
                path = base.resolve(path);
            }
            path = path.toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw new OrderValidationException("image", "is not a usable path: " + e.getMessage());
        }
        Path lexical = path;
        if (realRoots.stream().noneMatch(lexical::startsWith) && givenRoots.stream().noneMatch(lexical::startsWith)) {
            throw outsideRoots();
        }
        if (!Files.exists(path)) {
            throw new OrderValidationException("image", "no such file: " + path);
        }
        Path real = realOrAbsolute(path);
        if (realRoots.stream().noneMatch(real::startsWith)) {
            throw outsideRoots();
        }
        if (!Files.isRegularFile(real)) {
            throw new OrderValidationException("image", "is not a regular file: " + path);
        }
        if (!Files.isReadable(real)) {
            throw new OrderValidationException("image", "is not readable: " + path);
        }
        return real;
    }

    /** Also raised before looking at the file, so a refusal never tells whether a path outside the roots exists. */
    private OrderValidationException outsideRoots() {
        return new OrderValidationException("image", "is outside the allowed input directories " + realRoots);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new OrderValidationException("image", "cannot be read: " + e.getMessage());
        }
    }

    private static Path realOrAbsolute(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
