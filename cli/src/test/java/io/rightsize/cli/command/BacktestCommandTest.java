package io.rightsize.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rightsize.common.json.Json;
import io.rightsize.allocation.recommend.Recommenders;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./rightsize backtest} on a generated trace: every recommender per resource, and the hindsight yardstick. */
class BacktestCommandTest {

    @Test
    void printsEveryRecommenderAndAHindsightRowThatNoneBeats(@TempDir Path dir) throws Exception {
        Path trace = trace(dir);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = run(out, new ByteArrayOutputStream(), "--trace", trace.toString(), "--json", "--hindsight");

        assertEquals(0, exit);
        JsonNode report = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("static", report.get("mode").asText());
        JsonNode results = report.get("results");
        assertEquals((Recommenders.all().size() + 1) * 2, results.size(), "every recommender and hindsight, for CPU"
                + " and memory");
        Map<String, JsonNode> vpa = new HashMap<>();
        Map<String, JsonNode> hindsight = new HashMap<>();
        for (JsonNode r : results) {
            assertEquals(3, r.get("series").asInt());
            assertEquals(0, r.get("changesPerSeriesPerDay").asDouble(), "one allocation, never moved");
            if (r.get("recommender").asText().equals("vpa-simple")) {
                vpa.put(r.get("resource").asText(), r);
            } else if (r.get("recommender").asText().equals("hindsight")) {
                hindsight.put(r.get("resource").asText(), r);
            }
        }
        for (String resource : new String[] {"cpu_millicores", "memory_mib"}) {
            assertTrue(hindsight.get(resource).get("overrunPct").asDouble()
                    <= vpa.get(resource).get("overrunPct").asDouble() + 1e-9, resource);
            assertTrue(hindsight.get(resource).get("slackPct").asDouble()
                    < vpa.get(resource).get("slackPct").asDouble(),
                    resource + ": on this trace, knowing the future does better");
        }
    }

    @Test
    void rollingRecommendsAgainEveryStepAndCountsTheChanges(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = run(out, new ByteArrayOutputStream(), "--trace", trace(dir).toString(), "--json", "--mode",
                "rolling", "--step", "30m");

        assertEquals(0, exit);
        JsonNode report = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("rolling", report.get("mode").asText());
        assertEquals(1800, report.get("stepSeconds").asLong());
        for (JsonNode r : report.get("results")) {
            if (r.get("recommender").asText().equals("vpa-simple") && r.get("resource").asText().equals("memory_mib")) {
                // Memory grows 0.2 MiB a minute: its peak, and so vpa-simple's allocation, moves at every step. The
                // future is 100 minutes, steps of 30: 3 moves after the first allocation, over 100/1440 of a day.
                assertEquals(3 / (100 / 1440.0), r.get("changesPerSeriesPerDay").asDouble(), 1e-6);
            }
        }
    }

    @Test
    void plotWritesOneChartPerResourceOfTheSeriesWhereTheyDifferMost(@TempDir Path dir) throws Exception {
        Path charts = dir.resolve("charts");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = run(new ByteArrayOutputStream(), err, "--trace", trace(dir).toString(), "--mode", "rolling",
                "--plot", charts.toString());

        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        for (String resource : new String[] {"cpu_millicores", "memory_mib"}) {
            BufferedImage png = ImageIO.read(charts.resolve(resource + ".png").toFile());
            assertEquals(1400, png.getWidth(), resource);
            assertEquals(700, png.getHeight(), resource);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("wrote " + charts.resolve(resource + ".png")));
        }
    }

    @Test
    void aBadModeOrStepIsAClearErrorAndExitTwo(@TempDir Path dir) throws Exception {
        for (String[] bad : new String[][] {{"--mode", "online"}, {"--mode", "rolling", "--step", "soon"},
                {"--mode", "rolling", "--step", "0s"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            String[] args = new String[bad.length + 2];
            args[0] = "--trace";
            args[1] = trace(dir).toString();
            System.arraycopy(bad, 0, args, 2, bad.length);

            int exit = run(new ByteArrayOutputStream(), err, args);

            assertEquals(2, exit, String.join(" ", bad));
            String message = err.toString(StandardCharsets.UTF_8);
            assertTrue(message.contains(bad[bad.length - 1]), message);
        }
    }

    private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        CommandLine cli = new CommandLine(new BacktestCommand());
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

    /** Three services, 200 minutes: bursty CPU, memory growing steadily 0.2 MiB a minute. */
    private static Path trace(Path dir) throws IOException {
        Path trace = dir.resolve("trace.csv");
        StringBuilder csv = new StringBuilder("timestamp,service,resource,value\n");
        Random random = new Random(11);
        for (String service : new String[] {"a", "b", "c"}) {
            for (int t = 0; t < 200; t++) {
                double cpu = 100 + Math.abs(50 * random.nextGaussian() * random.nextGaussian());
                double memory = 300 + t * 0.2;
                csv.append(String.format(Locale.ROOT, "%d,%s,cpu_millicores,%.3f%n%d,%s,memory_mib,%.3f%n",
                        60 * t, service, cpu, 60 * t, service, memory));
            }
        }
        Files.writeString(trace, csv);
        return trace;
    }
}
