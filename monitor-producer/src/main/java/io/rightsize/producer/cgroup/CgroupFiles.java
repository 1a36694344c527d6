package io.rightsize.producer.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The few cgroup file formats: a single value, flat "key value" lines, and per-device lines. */
final class CgroupFiles {

    private CgroupFiles() {
    }

    /** A file holding one number, such as {@code memory.current} or {@code cpuacct.usage}. */
    static long single(Path file) throws IOException {
        return parse(file, Files.readString(file, StandardCharsets.US_ASCII).strip());
    }

    /** The value of {@code key} in a flat keyed file ({@code cpu.stat}, {@code memory.stat}). */
    static Optional<Long> keyed(Path file, String key) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 2 && fields[0].equals(key)) {
                return Optional.of(parse(file, fields[1]));
            }
        }
        return Optional.empty();
    }

    /** v2 nested keyed lines, {@code MAJ:MIN rbytes=N wbytes=N ...}: {@code key} summed over devices. */
    static long perDeviceSum(Path file, String key) throws IOException {
        long sum = 0;
        for (String line : linesOrNone(file)) {
            String[] fields = line.strip().split("\\s+");
            for (int i = 1; i < fields.length; i++) {
                if (fields[i].startsWith(key + "=")) {
                    sum += parse(file, fields[i].substring(key.length() + 1));
                }
            }
        }
        return sum;
    }

    /** v1 blkio lines, {@code MAJ:MIN Read N}: {@code operation} summed over devices, the overall Total skipped. */
    static long blkioSum(Path file, String operation) throws IOException {
        long sum = 0;
        for (String line : linesOrNone(file)) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 3 && fields[0].contains(":") && fields[1].equals(operation)) {
                sum += parse(file, fields[2]);
            }
        }
        return sum;
    }

    private static List<String> linesOrNone(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private static long parse(Path file, String value) throws IOException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": not a counter: " + value, e);
        }
    }
}
