package io.rightsize.orchestrator.cgroup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/** Making and removing cgroup directories: a cgroup is a directory, removed by rmdir once no process is in it. */
final class CgroupDirs {

    private static final Logger LOG = Logger.getLogger(CgroupDirs.class);
    /** A SIGKILLed process is gone within milliseconds; this only bounds a stop that hangs in the kernel. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private CgroupDirs() {
    }

    /** Kills every process still in the cgroup, waits for each to be gone, and removes it; nothing if it is gone. */
    static void remove(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        for (long pid : CgroupFiles.pids(dir.resolve("cgroup.procs"))) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isPresent()) {
                LOG.debugf("stopping process %d left in %s", pid, dir);
                process.get().destroyForcibly();
                awaitExit(process.get());
            }
        }
        Files.delete(dir);
    }

    /**
     * Removes the empty task cgroups under {@code parent} that belong to this orchestrator ({@code selfPid}) or to one
     * no longer running; those of a running orchestrator sharing the parent, and any with a process, stay.
     */
    static void removeLeftovers(Path parent, long selfPid) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(parent, Files::isDirectory)) {
            for (Path child : children) {
                Optional<TaskCgroupName> name = TaskCgroupName.parse(child.getFileName().toString());
                if (name.isEmpty() || !(name.get().ownerPid() == selfPid || gone(name.get().ownerPid()))) {
                    continue;
                }
                try {
                    if (CgroupFiles.pids(child.resolve("cgroup.procs")).isEmpty()) {
                        Files.delete(child);
                        LOG.infof("removed %s, left behind by %s", child, name.get().ownerPid() == selfPid
                                ? "this orchestrator" : "orchestrator " + name.get().ownerPid() + ", no longer running");
                    }
                } catch (IOException e) {
                    LOG.debugf("leaving %s: %s", child, CgroupFiles.why(e));
                }
            }
        } catch (IOException e) {
            LOG.debugf("cannot list %s: %s", parent, CgroupFiles.why(e));
        }
    }

    /**
     * In the {@code group} of every orchestrator's parent, removes the parents of orchestrators no longer running,
     * with their empty task cgroups; a parent with a process left in it stays.
     */
    static void removeGoneParents(Path group) {
        if (!Files.isDirectory(group)) {
            return;
        }
        try (DirectoryStream<Path> parents = Files.newDirectoryStream(group, Files::isDirectory)) {
            for (Path parent : parents) {
                String name = parent.getFileName().toString();
                if (!name.startsWith(TaskCgroups.PARENT_PREFIX)) {
                    continue;
                }
                long owner;
                try {
                    owner = Long.parseLong(name.substring(TaskCgroups.PARENT_PREFIX.length()));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (gone(owner)) {
                    removeLeftovers(parent, owner);
                    removeIfEmpty(parent);
                }
            }
        } catch (IOException e) {
            LOG.debugf("cannot list %s: %s", group, CgroupFiles.why(e));
        }
    }

    /** Removes {@code dir} if it has no child cgroup and no process (another orchestrator may still use it). */
    static void removeIfEmpty(Path dir) {
        try {
            Files.delete(dir);
        } catch (IOException e) {
            LOG.debugf("leaving %s: %s", dir, CgroupFiles.why(e));
        }
    }

    /** The distinct directories among these (v1 controllers mounted together share one). */
    static List<Path> distinct(List<Path> dirs) {
        return dirs.stream().distinct().toList();
    }

    private static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    private static void awaitExit(ProcessHandle process) throws IOException {
        try {
            process.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("process " + process.pid() + " did not stop within " + KILL_WAIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException("waiting for process " + process.pid() + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while process " + process.pid() + " stopped");
        }
    }
}
