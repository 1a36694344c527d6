package io.rightsize.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rightsize.common.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./rightsize backtest} on a generated trace: every recommender per resource, and the hindsight yardstick. */
class BacktestCommandTest {

    @Test
    void printsEveryRecommenderAndAHindsightRowThatNoneBeats(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.csv");
        StringBuilder csv = new StringBuilder("timestamp,service,resource,value\n");
        Random random = new Random(11);
        for (String service : new String[] {"a", "b", "c"}) {
            for (int t = 0; t < 200; t++) {
                double cpu = 100 + Math.abs(50 * random.nextGaussian() * random.nextGaussian());
                double memory = 300 + t * 0.2 + Math.abs(5 * random.nextGaussian());
                csv.append(String.format(Locale.ROOT, "%d,%s,cpu_millicores,%.3f%n%d,%s,memory_mib,%.3f%n",
                        60 * t, service, cpu, 60 * t, service, memory));
            }
        }
        Files.writeString(trace, csv);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new BacktestCommand()).execute("--trace", trace.toString(), "--json",
                    "--hindsight");
        } finally {
            System.setOut(original);
        }

        assertEquals(0, exit);
        JsonNode results = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8)).get("results");
        assertEquals(7 * 2, results.size(),
                "seed-max, vpa, vpa-simple, krr, krr-simple, rightsize and hindsight, for CPU and memory");
        Map<String, JsonNode> vpa = new HashMap<>();
        Map<String, JsonNode> hindsight = new HashMap<>();
        for (JsonNode r : results) {
            assertEquals(3, r.get("series").asInt());
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
}
