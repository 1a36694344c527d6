package io.rightsize.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rightsize.common.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./rightsize experiment} end to end on real stacks, two arms of two orders: every arm reports its orders,
 * reservations and use, and writes experiment.json and memory.png.
 */
class ExperimentCommandTest {

    @Test
    void runsEachArmOnItsOwnStackAndReportsWhatAUserJudges(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = run(out, err, "--orders", "2", "--training-orders", "2", "--arms", "default,rightsize",
                "--capacity", "cpu=1500m,memory=2Gi", "--out", dir.toString(), "--json");

        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        String progress = err.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("experiment: 2 arms (default, rightsize), 2 measured orders (seed 1) after 2"
                + " training orders, capacity 1500m CPU, 2.0 GiB; about"), progress);
        assertTrue(progress.contains("[arm 2/2 rightsize] trained the predictor"), progress);
        JsonNode arms = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8)).get("arms");
        assertEquals(2, arms.size());
        for (JsonNode arm : arms) {
            String name = arm.get("name").asText();
            assertEquals(2, arm.get("orders").asInt(), name);
            assertEquals(0, arm.get("failedOrders").asInt(), name);
            assertTrue(arm.get("makespanSeconds").asDouble() > 0, name);
            assertTrue(arm.get("reservedMemoryGiBSeconds").asDouble() > 0, name);
            assertTrue(arm.get("usedMemoryGiBSeconds").asDouble() > 0, name);
            assertTrue(arm.get("reservedCpuSeconds").asDouble() > 0, name);
            assertTrue(arm.get("usedCpuSeconds").asDouble() > 0, name);
            assertTrue(arm.get("attempts").asInt() >= 4, name + ": two orders of two to four tasks");
        }
        JsonNode written = Json.mapper().readTree(dir.resolve("experiment.json").toFile());
        assertEquals(1_500, written.get("capacity").get("cpuMillicores").asLong());
        assertTrue(Files.size(dir.resolve("memory.png")) > 10_000);
    }

    @Test
    void aBadCapacityIsAUsageErrorBeforeAnythingStarts() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = run(new ByteArrayOutputStream(), err, "--capacity", "cpu=2");

        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("needs both cpu and memory"));
    }

    private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        CommandLine cli = new CommandLine(new ExperimentCommand());
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return cli.execute(args);
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
    }
}
