package io.rightsize.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrSummaryTest {

    @Test
    void namesTheMethodThatBurnedTheCpuAndCountsGcPauses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("burn.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.GarbageCollection");
            recording.enable("jdk.InitialSystemProperty");
            recording.enable("jdk.GCHeapSummary");
            recording.start();
            long sink = burn(Duration.ofMillis(1500));
            System.gc();
            recording.stop();
            recording.dump(file);
            assertTrue(sink != 42);
        }

        JfrSummary summary = JfrSummary.read(file, "io.rightsize.", 5);

        assertTrue(summary.samples() > 20, "samples: " + summary.samples());
        JfrSummary.Hot top = summary.applicationFrames().get(0);
        assertEquals(JfrSummaryTest.class.getName() + ".burn", top.method());
        assertTrue(top.share() > 0.5, "share of burn: " + top.share());
        assertTrue(summary.gcPauses() >= 1, "the System.gc() pause is counted");
        assertTrue(summary.peakHeapAfterGc() > 0, "heap after that GC");
        assertTrue(summary.lines().get(0).contains("CPU samples"), summary.lines().get(0));
    }

    @Test
    void refusesAnUnknownBenchmark() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new BenchOptions(
                Set.of("ingest", "everything"), Duration.ofSeconds(1), 1, 1, 1, Duration.ofSeconds(1), 1, 1, 1, 1,
                null));
    }

    private static long burn(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long x = 1;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        return x;
    }
}
