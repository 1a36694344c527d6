package io.rightsize.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One process of the stack, recorded so that it can be found again after the stack process died. The first line
 * is the pid alone (as in PostgreSQL's postmaster.pid, so {@code kill $(head -1 x.pid)} works); the start time
 * and a fragment of the command line tell a process of ours from an unrelated one that reused the pid.
 */
public record PidFile(String name, ProcessRole role, long pid, Instant startedAt, String commandMarker,
                      List<Integer> ports) {

    /** Start times are whole clock ticks on Linux; two readings of the same process agree well within this. */
    private static final Duration SAME_START = Duration.ofSeconds(1);

    public PidFile {
        if (commandMarker.isBlank()) {
            throw new IllegalArgumentException("a pid file needs a command-line marker to recognise " + name);
        }
        ports = List.copyOf(ports);
    }

    /** Describes a live process; its start time is read now, while the pid surely is the one just started. */
    public static PidFile of(String name, ProcessRole role, ProcessHandle process, String commandMarker,
                             List<Integer> ports) {
        Instant started = process.info().startInstant().orElse(Instant.EPOCH);
        return new PidFile(name, role, process.pid(), started, commandMarker, ports);
    }

    /** The process, if it still runs and is the one recorded (same start time, marker on its command line). */
    public Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant()
                        .map(s -> Duration.between(s, startedAt).abs().compareTo(SAME_START) <= 0).orElse(false))
                .filter(p -> commandLine(p).contains(commandMarker));
    }

    public String describe() {
        return name + " (pid " + pid + ")";
    }

    void write(Path file) {
        String text = pid + "\nname=" + name + "\nrole=" + role + "\nstarted=" + startedAt + "\ncommand="
                + commandMarker + "\nports=" + String.join(" ", ports.stream().map(String::valueOf).toList()) + "\n";
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Empty when the file is not a complete pid file (a crash while writing, or not ours). */
    static Optional<PidFile> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            Map<String, String> fields = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    fields.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            String ports = fields.getOrDefault("ports", "").trim();
            return Optional.of(new PidFile(fields.get("name"), ProcessRole.valueOf(fields.get("role")),
                    Long.parseLong(lines.get(0).trim()), Instant.parse(fields.get("started")), fields.get("command"),
                    ports.isEmpty() ? List.of() : Arrays.stream(ports.split(" ")).map(Integer::valueOf).toList()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** /proc holds the arguments unabridged; elsewhere the JDK's view of the command line is the best there is. */
    private static String commandLine(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return Files.readString(cmdline).replace('\0', ' ');
            }
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
        return process.info().commandLine().orElse("");
    }
}
