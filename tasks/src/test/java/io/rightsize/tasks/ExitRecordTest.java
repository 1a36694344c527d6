package io.rightsize.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitRecordTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsThroughItsFile() {
        ExitRecord record = new ExitRecord(4, Instant.parse("2026-12-06T01:02:03.456Z"), 1.25, 123_456_789L);
        Path file = dir.resolve("00-blur.exit");
        record.write(file);
        assertEquals(Optional.of(record), ExitRecord.read(file));
    }

    @Test
    void isEmptyWhenMissingOrTruncated() throws IOException {
        assertEquals(Optional.empty(), ExitRecord.read(dir.resolve("none.exit")));
        Path half = dir.resolve("half.exit");
        Files.writeString(half, "exitCode=0\n");
        assertEquals(Optional.empty(), ExitRecord.read(half));
    }

    @Test
    void liesBesideTheTasksLogAndOutput() {
        assertEquals(dir.resolve("01-resize.exit"), ExitRecord.beside(dir.resolve("01-resize.log")));
        assertEquals(dir.resolve("01-resize.exit"), ExitRecord.beside(dir.resolve("01-resize.png")));
    }

    @Test
    void readsPeakResidentMemoryFromProcStatus() throws IOException {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 999 kB\nVmHWM:\t   2048 kB\nVmRSS:\t 1024 kB\n");
        assertEquals(2048L * 1024, ExitRecord.peakResidentBytes(status));
        assertEquals(0, ExitRecord.peakResidentBytes(dir.resolve("missing")));
    }

    /** A real task process, however short, leaves its exit code, CPU time and peak memory as it exits. */
    @Test
    void aTaskProcessWritesItsRecordAsItExits() throws Exception {
        Path record = dir.resolve("00-grayscale.exit");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), TaskMain.class.getName(), "no-such-task"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
        builder.environment().put(ExitRecord.PATH_VARIABLE, record.toString());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        ExitRecord written = ExitRecord.read(record).orElseThrow();
        assertEquals(ExitCode.USAGE.code(), written.exitCode());
        assertEquals(process.exitValue(), written.exitCode());
        assertTrue(written.cpuSeconds() > 0, "CPU time: " + written);
        if (Files.exists(Path.of("/proc/self/status"))) {
            assertTrue(written.peakMemoryBytes() > 10 << 20, "a JVM's peak resident memory: " + written);
        }
    }
}
