package io.rightsize.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.common.order.OrderLimits;
import io.rightsize.common.order.OrderParser;
import io.rightsize.common.order.OrderValidator;
import io.rightsize.common.order.ValidOrder;
import io.rightsize.common.order.ValidTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated orders are valid orders, varied, and the same for the same seed. */
class GeneratedOrdersTest {

    private static final Path IMAGES = Path.of("../examples/images").toAbsolutePath().normalize();

    @Test
    void everyGeneratedOrderPassesTheOrchestratorsValidationAndTheSeedFixesThem(@TempDir Path dir) throws Exception {
        List<Path> images;
        try (Stream<Path> files = Files.list(IMAGES)) {
            images = files.sorted().toList();
        }
        GeneratedOrders.write(dir.resolve("a"), 60, 7, images);
        GeneratedOrders.write(dir.resolve("b"), 60, 7, images);

        OrderValidator validator = new OrderValidator(OrderLimits.defaults(List.of(IMAGES)));
        Set<String> services = new HashSet<>();
        Set<List<String>> shapes = new HashSet<>();
        try (Stream<Path> files = Files.list(dir.resolve("a"))) {
            for (Path file : files.sorted().toList()) {
                ValidOrder order = validator.validate(
                        new OrderParser(OrderLimits.DEFAULT_MAX_JSON_BYTES).parse(Files.readString(file)), dir);
                assertTrue(order.tasks().size() >= 2 && order.tasks().size() <= 4, file.toString());
                order.tasks().forEach(t -> services.add(t.service()));
                shapes.add(order.tasks().stream().map(ValidTask::service).toList());
                assertEquals(Files.readString(file), Files.readString(dir.resolve("b").resolve(file.getFileName())));
            }
        }
        assertEquals(7, services.size(), "every task of the catalog appears");
        assertTrue(shapes.size() > 40, shapes.size() + " distinct task lists in 60 orders");
    }
}
