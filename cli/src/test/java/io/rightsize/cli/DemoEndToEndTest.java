package io.rightsize.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rightsize.cli.demo.DemoRun;
import io.rightsize.cli.report.DemoReport;
import io.rightsize.cli.report.OrderReport;
import io.rightsize.cli.report.TaskReport;
import io.rightsize.common.json.Json;
import io.rightsize.devstack.StackConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sample orders on the real stack: real Kafka, real PostgreSQL, the services as processes. */
class DemoEndToEndTest {

    private static final Path HOME = Path.of(System.getProperty("rightsize.home")).toAbsolutePath().normalize();

    @Test
    void everySampleOrderSucceedsAndEveryTaskHasOneStoredSamplePerSecond() throws Exception {
        Path work = HOME.resolve("cli/target/e2e-" + UUID.randomUUID());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

        DemoReport report = new DemoRun(StackConfig.freePorts(HOME, work.resolve("stack")),
                HOME.resolve("examples/orders"), work.resolve("out"), out).run();
        System.out.print(console.toString(StandardCharsets.UTF_8));

        assertEquals(4, report.orders().size());
        boolean sawBusyCpu = false;
        for (OrderReport order : report.orders()) {
            assertEquals("SUCCEEDED", order.state(), order.id() + ": " + order.reason());
            for (TaskReport task : order.tasks()) {
                String what = order.id() + " task " + task.position() + " " + task.service();
                assertEquals("SUCCEEDED", task.state(), what);
                Path output = Path.of(task.outputImage());
                assertTrue(Files.size(output) > 0, what);
                assertNotEquals(-1L, Files.mismatch(Path.of(order.image()), output), what + " changed the image");
                assertTrue(Math.abs(task.samples() - task.durationSeconds()) <= 2.0,
                        what + ": " + task.samples() + " samples over " + task.durationSeconds() + " s");
                assertTrue(task.usage().get("memory_bytes").max() > 10 * 1024 * 1024, what + " memory");
                if (task.service().equals("blur") || task.service().equals("median")) {
                    sawBusyCpu |= task.usage().get("cpu_millicores").max() > 300;
                }
            }
        }
        assertTrue(sawBusyCpu, "a CPU-heavy task shows CPU well above zero");

        JsonNode written = Json.mapper().readTree(work.resolve("out/report.json").toFile());
        JsonNode task = written.get("orders").get(0).get("tasks").get(0);
        for (String field : new String[] {"service", "state", "durationSeconds", "samples", "usage", "outputImage"}) {
            assertTrue(task.has(field), "report task has " + field);
        }
        assertTrue(task.get("usage").get("cpu_millicores").has("p95"));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("CPU m (min/avg/max)"), "the table is printed");
        // Which enforcement runs depends on the machine (cgroups where they can be written); that one is said does not.
        assertTrue(console.toString(StandardCharsets.UTF_8).matches("(?s).*task allocations enforced by (cgroups|"
                + "emulated): .*"), "the demo says how allocations are enforced");
    }
}
