package io.rightsize.tasks;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What a task process leaves beside its log as it exits: its exit code and end time, so an orchestrator restarted
 * after a crash learns how the task really ended, and its CPU time and peak memory, read before the process is
 * reaped, so even a task shorter than one sampling interval leaves a record of what it used.
 */
public record ExitRecord(int exitCode, Instant endedAt, double cpuSeconds, long peakMemoryBytes) {

    /** The environment variable that tells a task process where to write its record. */
    public static final String PATH_VARIABLE = "RIGHTSIZE_TASK_EXIT_RECORD";

    /** The record beside a task's other files: {@code 00-blur.log} or {@code 00-blur.png} → {@code 00-blur.exit}. */
    public static Path beside(Path taskFile) {
        String name = taskFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return taskFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".exit");
    }

    /** This process's record now: CPU time from the JVM, peak resident memory from /proc (0 where there is none). */
    public static ExitRecord ofThisProcess(int exitCode) {
        double cpuSeconds = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
        return new ExitRecord(exitCode, Instant.now(), cpuSeconds, peakResidentBytes(Path.of("/proc/self/status")));
    }

    /** VmHWM, the high-water mark of resident memory, from a {@code /proc/<pid>/status} file. */
    static long peakResidentBytes(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux): the record still carries the exit code and CPU time.
        }
        return 0;
    }

    /** Written to a temporary file and moved into place, so a reader never sees half a record. */
    public void write(Path file) {
        Properties p = new Properties();
        p.setProperty("exitCode", Integer.toString(exitCode));
        p.setProperty("endedAt", endedAt.toString());
        p.setProperty("cpuSeconds", Double.toString(cpuSeconds));
        p.setProperty("peakMemoryBytes", Long.toString(peakMemoryBytes));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, null);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record in {@code file}, or empty when there is none or it is unreadable (the process was killed). */
    public static Optional<ExitRecord> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(new ExitRecord(Integer.parseInt(p.getProperty("exitCode")),
                    Instant.parse(p.getProperty("endedAt")), Double.parseDouble(p.getProperty("cpuSeconds")),
                    Long.parseLong(p.getProperty("peakMemoryBytes"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
