package io.rightsize.producer.sampling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process's counters straight from {@code /proc/PID/stat} and {@code /proc/PID/io}: two small reads, where a full
 * OSHI process snapshot reads and parses several more files. At one read per task per second this is the sampler's
 * main cost, and with it the timing jitter of the samples.
 */
final class ProcFiles {

    /** USER_HZ: the unit of utime and stime, 100 on every Linux architecture in use. */
    private static final long TICKS_PER_SECOND = 100;

    private final Path proc;
    private final long pageSize;

    ProcFiles(Path proc, long pageSize) {
        this.proc = proc;
        this.pageSize = pageSize;
    }

    static boolean available(Path proc) {
        return Files.isReadable(proc.resolve("self").resolve("stat"));
    }

    /** The counters now, or empty when the process is gone (or is a zombie, whose counters are final). */
    Optional<ProcessSnapshot> read(long pid) throws IOException {
        Path dir = proc.resolve(Long.toString(pid));
        String stat;
        String io;
        try {
            stat = Files.readString(dir.resolve("stat"), StandardCharsets.US_ASCII);
            io = Files.readString(dir.resolve("io"), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        // The command name may hold spaces and parentheses: fields are counted after the last ')'.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        if (f[0].equals("Z") || f[0].equals("X")) {
            return Optional.empty();
        }
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        long rssBytes = Long.parseLong(f[21]) * pageSize;
        return Optional.of(new ProcessSnapshot(now, ticks * 1000 / TICKS_PER_SECOND, rssBytes,
                ioField(io, "read_bytes"), ioField(io, "write_bytes")));
    }

    private static long ioField(String io, String key) {
        for (String line : io.split("\n")) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).strip());
            }
        }
        return 0;
    }
}
