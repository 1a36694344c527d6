package io.rightsize.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.fx.model.OrderFileCheck;
import io.rightsize.fx.service.OrderFileChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Order files are checked offline with the orchestrator's own rules. */
class OrderFileCheckerTest {

    private static final Path ORDERS = Path.of(System.getProperty("rightsize.home")).resolve("examples/orders");
    private final OrderFileChecker checker = new OrderFileChecker();

    @Test
    void acceptsTheSampleOrders() {
        for (String name : new String[] {"city.json", "landscape.json", "portrait.json", "legacy-format.json"}) {
            OrderFileCheck check = checker.check(ORDERS.resolve(name));
            assertTrue(check.isValid(), name + ": " + check.problem());
        }
        assertEquals("legacy-0042", checker.check(ORDERS.resolve("legacy-format.json")).orderId());
        assertEquals(1600L * 1200, checker.check(ORDERS.resolve("city.json")).imagePixels(),
                "the first task's input size, sent with Recommend");
    }

    @Test
    void refusesEachInvalidSampleWithTheFieldAndReason() {
        assertRefused("bad-param.json", "tasks[0].params.radius");
        assertRefused("unknown-task.json", "tasks[1].name");
        assertRefused("empty-tasks.json", "tasks");
        assertRefused("missing-image.json", "image");
        assertRefused("non-integer-param.json", "tasks[1].params.radius");
    }

    @Test
    void refusesMalformedJsonAndUnreadableFiles(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"tasks\": [");
        assertFalse(checker.check(broken).isValid());
        OrderFileCheck missing = checker.check(dir.resolve("absent.json"));
        assertFalse(missing.isValid());
        assertTrue(missing.problem().startsWith("cannot read the file"), missing.problem());
    }

    private void assertRefused(String file, String field) {
        OrderFileCheck check = checker.check(ORDERS.resolve("invalid").resolve(file));
        assertFalse(check.isValid(), file);
        assertEquals(field, check.field(), file + ": " + check.problem());
        assertFalse(check.reason().isBlank(), file);
    }
}
