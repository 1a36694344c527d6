package io.rightsize.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rightsize.common.json.Json;
import io.rightsize.devstack.Stack;
import io.rightsize.devstack.StackConfig;
import io.rightsize.devstack.service.ServiceKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** submit, status and usage against a real stack on free ports. */
class CommandsTest {

    private static final Path HOME = Path.of(System.getProperty("rightsize.home")).toAbsolutePath().normalize();
    private static Stack stack;
    private static String[] endpoints;

    @BeforeAll
    static void startStack() {
        StackConfig config = StackConfig.freePorts(HOME, HOME.resolve("cli/target/commands-" + UUID.randomUUID()));
        stack = new Stack(config).start(line -> { });
        endpoints = new String[] {"--orchestrator", "127.0.0.1:" + config.port(ServiceKind.ORCHESTRATOR),
                "--monitor-consumer", "127.0.0.1:" + config.port(ServiceKind.MONITOR_CONSUMER),
                "--predictor", "127.0.0.1:" + config.port(ServiceKind.PREDICTOR)};
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void submitPrintsTheIdAndStatusAndUsageShowTheFinishedOrder() throws Exception {
        Path order = Files.createTempFile(HOME.resolve("examples"), "cli-", ".json");
        try {
            String id = "cli-" + UUID.randomUUID().toString().substring(0, 8);
            Files.writeString(order, "{\"id\": \"" + id + "\", \"image\": \"images/city.png\", \"tasks\": [\"sobel\"]}");

            Result submit = run("submit", order.toString());
            assertEquals(0, submit.code, submit.err);
            assertEquals(id, submit.out.strip());

            await().atMost(Duration.ofSeconds(60)).until(() -> run("status", id).out.contains(id + " SUCCEEDED"));
            await().atMost(Duration.ofSeconds(20)).until(() -> run("usage", id).out.contains("sobel"));
            Result usage = run("usage", id);
            assertTrue(usage.out.contains("SUCCEEDED"), usage.out);
            assertTrue(run("status").out.contains(id), "listed");

            // --json: the same answers, for scripts.
            JsonNode one = Json.mapper().readTree(run("status", id, "--json").out);
            assertEquals(id, one.path("id").asText());
            assertEquals("TASK_SUCCEEDED", one.path("tasks").get(0).path("state").asText());
            JsonNode listed = Json.mapper().readTree(run("status", "--json").out);
            assertTrue(listed.path("orders").findValuesAsText("id").contains(id), listed.toString());
            JsonNode report = Json.mapper().readTree(run("usage", id, "--json").out);
            assertEquals("sobel", report.path("tasks").get(0).path("service").asText(), report.toString());
            Result model = run("model", "--json");
            assertEquals(0, model.code, model.err);
            assertTrue(Json.mapper().readTree(model.out).has("recommenders"), model.out);
            JsonNode capacity = Json.mapper().readTree(run("status", "--capacity", "--json").out);
            assertTrue(capacity.path("cpuMillicores").asLong() > 0, capacity.toString());
            assertEquals(0, capacity.path("waitingTasks").asInt(), capacity.toString());
            assertTrue(run("status").out.startsWith("capacity "), "the capacity line heads the order list");

            // recommend -o: the predictor's answer in Kubernetes quantities, for scripts and kustomize.
            Result recommended = run("recommend", order.toString(), "-o", "yaml");
            assertEquals(0, recommended.code, recommended.err);
            assertTrue(recommended.out.matches("(?s)recommender: \\S+\ntasks:\n- position: 0\n  service: sobel\n"
                    + "  requests:\n    cpu: \\d+m?\n    memory: \\d+[MG]i\n.*"), recommended.out);
            Result patch = run("recommend", order.toString(), "-o", "patch");
            assertTrue(patch.out.contains("kind: Deployment") && patch.out.contains("- name: sobel"), patch.out);
            Result unknown = run("recommend", order.toString(), "-o", "xml");
            assertEquals(2, unknown.code);
            assertTrue(unknown.err.contains("table, json, yaml, csv, patch") || unknown.err.contains("TABLE"),
                    unknown.err);
        } finally {
            Files.deleteIfExists(order);
        }
    }

    @Test
    void submitOfAnInvalidOrderExitsTwoWithTheFieldAndReason() {
        Result refused = run("submit", HOME.resolve("examples/orders/invalid/unknown-task.json").toString());
        assertEquals(2, refused.code);
        assertTrue(refused.err.contains("INVALID_ARGUMENT") && refused.err.contains("tasks["), refused.err);
    }

    @Test
    void statusOfAnUnknownOrderSaysNotFound() {
        Result missing = run("status", "no-such-order");
        assertEquals(1, missing.code);
        assertTrue(missing.err.contains("NOT_FOUND"), missing.err);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        String[] all = new String[args.length + endpoints.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(endpoints, 0, all, args.length, endpoints.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(System.out, true));
            cli.setErr(new PrintWriter(System.err, true));
            int code = cli.execute(all);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
