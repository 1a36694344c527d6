package io.rightsize.orchestrator.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The few cgroup file formats (one value, flat "key value" lines, a pid per line) and writes to control files. */
final class CgroupFiles {

    private CgroupFiles() {
    }

    /** A file holding one number, such as {@code memory.max_usage_in_bytes} or {@code cpuacct.usage}. */
    static long single(Path file) throws IOException {
        return parse(file, Files.readString(file, StandardCharsets.US_ASCII).strip());
    }

    /** The value of {@code key} in a flat keyed file ({@code cpu.stat}, {@code memory.events}, {@code oom_control}). */
    static OptionalLong keyed(Path file, String key) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 2 && fields[0].equals(key)) {
                return OptionalLong.of(parse(file, fields[1]));
            }
        }
        return OptionalLong.empty();
    }

    /** The words of a one-line list file such as {@code cgroup.controllers}; none when there is no such file. */
    static List<String> words(Path file) throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** The pids in a {@code cgroup.procs} file; none when the cgroup is already gone. */
    static List<Long> pids(Path procs) throws IOException {
        List<Long> pids = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(procs, StandardCharsets.US_ASCII)) {
                if (!line.isBlank()) {
                    pids.add(parse(procs, line.strip()));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return pids;
    }

    /** One write, as the kernel wants a control value: a failed write is the kernel refusing the value. */
    static void write(Path file, String value) throws IOException {
        try {
            Files.writeString(file, value, StandardCharsets.US_ASCII);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            // A refused write ("Invalid argument", "Device or resource busy") comes without the file's name.
            throw new FileSystemException(file.toString(), null, e.getMessage() + " (writing " + value + ")");
        }
    }

    /** An I/O failure in words a user can act on: "permission denied", "Read-only file system", "does not exist". */
    static String why(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "does not exist";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    private static long parse(Path file, String value) throws IOException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": not a number: " + value, e);
        }
    }
}
