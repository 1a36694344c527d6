package io.rightsize.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The pid files of one stack, a file per process in one directory. A clean stop leaves the directory empty; files
 * left behind name what a crashed stack process could not stop, so that {@code ./rightsize down} can.
 */
public final class StackPids {

    private static final String SUFFIX = ".pid";

    private final Path dir;

    public StackPids(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public void record(PidFile pidFile) {
        pidFile.write(dir.resolve(pidFile.name() + SUFFIX));
    }

    public void remove(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name + SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every readable pid file, in stop order. */
    public List<PidFile> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted()
                    .map(PidFile::read).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(PidFile::role)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded processes that still run and are really ours, this JVM aside. */
    public List<PidFile> running() {
        long self = ProcessHandle.current().pid();
        return all().stream().filter(p -> p.pid() != self && p.process().isPresent()).toList();
    }

    /** The recorded process listening on a port, if it still runs. */
    public Optional<PidFile> holding(int port) {
        return running().stream().filter(p -> p.ports().contains(port)).findFirst();
    }

    /**
     * Stops every recorded process that is still ours, role by role (the stack process, then the services
     * together, then PostgreSQL), tells {@code report} about each, and removes all the pid files. Returns the
     * processes stopped.
     */
    public List<PidFile> stopAll(Consumer<String> report) {
        List<PidFile> stopped = new ArrayList<>();
        for (ProcessRole role : ProcessRole.values()) {
            List<PidFile> group = running().stream().filter(p -> p.role() == role).toList();
            List<ProcessHandle> handles = group.stream().map(PidFile::process).flatMap(Optional::stream).toList();
            if (handles.isEmpty()) {
                continue;
            }
            group.forEach(p -> report.accept("stopping " + p.describe()));
            List<ProcessHandle> killed = ProcessStop.stop(handles, role.signal(), role.stopWindow());
            for (PidFile p : group) {
                boolean forced = killed.stream().anyMatch(h -> h.pid() == p.pid());
                report.accept((forced ? "killed " : "stopped ") + p.describe()
                        + (forced ? ": it outlasted " + role.stopWindow().toSeconds() + " s" : ""));
                stopped.add(p);
            }
        }
        clear();
        return stopped;
    }

    public void clear() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
