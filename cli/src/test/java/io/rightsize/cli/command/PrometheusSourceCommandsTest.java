package io.rightsize.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.trace.TraceReader;
import io.rightsize.cli.Main;
import io.rightsize.cli.prometheus.GeneratedUsage;
import io.rightsize.cli.prometheus.PrometheusServer;
import io.rightsize.cli.report.RecommendationFormat;
import io.rightsize.cli.report.UsageRecommendations;
import io.rightsize.common.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code backtest} and {@code recommend} with {@code --prometheus}, against a real Prometheus backfilled with
 * generated usage: the same figures as from the trace file the usage was generated as.
 */
class PrometheusSourceCommandsTest {

    @TempDir
    static Path dir;
    private static PrometheusServer prometheus;
    private static Path trace;

    @BeforeAll
    static void startPrometheus() throws Exception {
        GeneratedUsage usage = new GeneratedUsage(1000, Instant.now());
        trace = usage.writeTrace(dir.resolve("usage.csv"));
        prometheus = PrometheusServer.start(usage.writeOpenMetrics(dir.resolve("usage.om")), dir);
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void backtestFromPrometheusGivesTheFiguresOfTheTrace() throws Exception {
        for (String[] mode : new String[][] {{"--mode", "static"}, {"--mode", "rolling", "--step", "1h"}}) {
            Result fromTrace = run("backtest", "--trace", trace.toString(), "--json", "--hindsight", mode[0], mode[1],
                    mode.length > 2 ? mode[2] : "--history-fraction", mode.length > 2 ? mode[3] : "0.5");
            Result fromPrometheus = run("backtest", "--prometheus", prometheus.url().toString(), "--namespace",
                    GeneratedUsage.NAMESPACE, "--since", "2d", "--resolution", "1m", "--json", "--hindsight",
                    mode[0], mode[1], mode.length > 2 ? mode[2] : "--history-fraction",
                    mode.length > 2 ? mode[3] : "0.5");

            assertEquals(0, fromTrace.exit(), fromTrace.err());
            assertEquals(0, fromPrometheus.exit(), fromPrometheus.err());
            JsonNode expected = Json.mapper().readTree(fromTrace.out()).get("results");
            JsonNode actual = Json.mapper().readTree(fromPrometheus.out()).get("results");
            assertEquals((Recommenders.all().size() + 1) * 2, expected.size());
            assertSameNumbers(expected, actual, String.join(" ", mode));
            assertEquals(4, actual.get(0).get("series").asInt(), "api/api, api/envoy, db/postgres, node-agent/agent");
            assertTrue(Json.mapper().readTree(fromPrometheus.out()).get("trace").asText()
                    .contains("namespace " + GeneratedUsage.NAMESPACE));
        }
    }

    @Test
    void recommendFromPrometheusGivesTheRecommendersFiguresOnTheTrace() throws Exception {
        for (String recommender : new String[] {null, "vpa", "krr"}) {
            Result result = recommender == null
                    ? run("recommend", "--prometheus", prometheus.url().toString(), "--namespace", "shop", "-o", "json")
                    : run("recommend", "--prometheus", prometheus.url().toString(), "--namespace", "shop", "-o", "json",
                            "--recommender", recommender);

            assertEquals(0, result.exit(), result.err());
            String name = recommender == null ? RecommendCommand.LOCAL_DEFAULT_RECOMMENDER : recommender;
            assertEquals(RecommendationFormat.JSON.render(UsageRecommendations.of(Recommenders.byName(name)
                    .orElseThrow(), TraceReader.read(trace))), result.out(), name);
        }
        Result table = run("recommend", "--prometheus", prometheus.url().toString(), "--namespace", "shop");
        for (String row : new String[] {"api/api", "api/envoy", "db/postgres", "node-agent/agent", "1000 cpu samples"}) {
            assertTrue(table.out().contains(row), row + " in\n" + table.out());
        }
    }

    @Test
    void withoutAnOrderOrPrometheusRecommendSaysWhatItNeeds() {
        Result neither = run("recommend");
        Result both = run("recommend", "order.json", "--prometheus", prometheus.url().toString(), "--namespace", "shop");
        Result unknown = run("recommend", "--prometheus", prometheus.url().toString(), "--namespace", "shop",
                "--recommender", "oracle");
        Result backtestBoth = run("backtest", "--trace", trace.toString(), "--prometheus", prometheus.url().toString(),
                "--namespace", "shop");

        assertEquals(2, neither.exit());
        assertTrue(neither.err().contains("recommend needs ORDER.json, or --prometheus URL --namespace NS"),
                neither.err());
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("not both"), both.err());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no recommender 'oracle'"), unknown.err());
        assertEquals(2, backtestBoth.exit());
        assertTrue(backtestBoth.err().contains("mutually exclusive"), backtestBoth.err());
    }

    @Test
    void anUnreachablePrometheusOrAnEmptyNamespaceIsAClearErrorAndExitOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Result unreachable = run("backtest", "--prometheus", "http://127.0.0.1:" + port, "--namespace", "shop");
        Result empty = run("recommend", "--prometheus", prometheus.url().toString(), "--namespace", "nowhere");

        assertEquals(1, unreachable.exit());
        assertTrue(unreachable.err().startsWith("cannot reach Prometheus at http://127.0.0.1:" + port),
                unreachable.err());
        assertEquals(1, empty.exit());
        assertTrue(empty.err().contains("in namespace 'nowhere'"), empty.err());
    }

    /** Same rows in the same order, every number within 1e-9: CPU differs from the trace by an ulp at most. */
    private static void assertSameNumbers(JsonNode expected, JsonNode actual, String where) {
        if (expected.isNumber()) {
            assertEquals(expected.asDouble(), actual.asDouble(), 1e-9, where);
        } else if (expected.isContainerNode()) {
            assertEquals(expected.size(), actual.size(), where);
            if (expected.isArray()) {
                for (int i = 0; i < expected.size(); i++) {
                    assertSameNumbers(expected.get(i), actual.get(i), where + "[" + i + "]");
                }
            } else {
                for (Iterator<String> names = expected.fieldNames(); names.hasNext();) {
                    String name = names.next();
                    assertSameNumbers(expected.get(name), actual.get(name), where + "." + name);
                }
            }
        } else {
            assertEquals(expected, actual, where);
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = cli.execute(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
    }
}
