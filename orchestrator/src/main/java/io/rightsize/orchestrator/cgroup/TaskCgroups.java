package io.rightsize.orchestrator.cgroup;

import io.rightsize.allocation.policy.Capacity;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The place every local task's cgroup is made in: {@code <own cgroup>/rightsize-tasks/orchestrator-<pid>} in each
 * hierarchy, the parent that carries this orchestrator's task capacity for all its tasks together, as the kubelet's
 * {@code kubepods} does for a node's pods. Each orchestrator has its own, so two on one machine (a stack and an
 * experiment, or tests) never write each other's capacity.
 */
public sealed interface TaskCgroups permits CgroupV1Tasks, CgroupV2Tasks {

    /** The group of every orchestrator's parent, under the orchestrator's own cgroup. */
    String GROUP = "rightsize-tasks";
    /** Each orchestrator's parent in the group is this, then its pid. */
    String PARENT_PREFIX = "orchestrator-";
    /** The CFS period: a CPU limit of m millicores is a quota of m × 100 µs in each 100 ms. */
    long PERIOD_MICROS = 100_000;
    /** The kernel refuses a quota under 1 ms. */
    long MIN_QUOTA_MICROS = 1_000;
    /** How often a create is tried when the parent vanishes under it. */
    int CREATE_TRIES = 3;
    /** The limits of the cgroup {@link #verify()} makes: any a kernel accepts. */
    long VERIFY_MEMORY_BYTES = 64L << 20;
    long VERIFY_CPU_MILLICORES = 100;

    /** {@code v1} or {@code v2}. */
    String version();

    /** The parent directories, one per hierarchy. */
    List<Path> parents();

    /** What all tasks together may use, written as the parents' limits; empty leaves the parents unlimited. */
    Optional<Capacity> capacity();

    /** Creates the task's cgroup, limited to the allocation; the task then enters it through its procs files. */
    default TaskCgroup create(TaskCgroupName name, long memoryLimitBytes, long cpuLimitMillicores)
            throws IOException {
        for (int tries = 1; ; tries++) {
            ensureParents();
            try {
                return createTask(name.toString(), memoryLimitBytes, cpuLimitMillicores);
            } catch (NoSuchFileException e) {
                // Another orchestrator sharing the parent removed it, empty, at its stop: make it again.
                if (tries == CREATE_TRIES) {
                    throw e;
                }
            }
        }
    }

    /**
     * Makes the parents where they are missing (a stopping orchestrator removes them when empty), limited to the
     * capacity when they are new.
     */
    default void ensureParents() throws IOException {
        boolean missing = parents().stream().anyMatch(p -> !Files.isDirectory(p));
        makeParents();
        if (missing) {
            limitParents();
        }
    }

    /**
     * What all tasks use now, as the parents' counters hold it: the working set (usage less inactive page cache, as
     * the kubelet counts a node's) and the CPU time so far, where this hierarchy counts it.
     */
    ParentUsage usedNow() throws IOException;

    /** Makes the parent directories where they are missing. */
    void makeParents() throws IOException;

    /** Writes the parents' limits from {@link #capacity()}. */
    void writeParentLimits(Capacity capacity) throws IOException;

    /**
     * Limits the parents to the capacity, as the kubelet limits its pods' cgroup to the node's allocatable, so tasks
     * that use more than they requested meet the pressure of a full node. A kernel that refuses (a sharing
     * orchestrator's running task has a larger CPU limit, or uses more memory) leaves them as they were, said in
     * the log.
     */
    default void limitParents() {
        if (capacity().isEmpty()) {
            return;
        }
        try {
            writeParentLimits(capacity().get());
        } catch (IOException e) {
            Logger.getLogger(TaskCgroups.class).warnf("cannot limit %s to the task capacity (%s): tasks together are"
                    + " held only by admission", parents(), CgroupFiles.why(e));
        }
    }

    /** A task's CPU limit as a quota its parent allows: never more than the capacity. */
    default long taskQuotaMicros(long cpuLimitMillicores) {
        long limit = capacity().map(c -> Math.min(c.cpuMillicores(), cpuLimitMillicores)).orElse(cpuLimitMillicores);
        return quotaMicros(limit);
    }

    /** Makes the cgroup directories and writes the limits; removes what it made when a step fails. */
    TaskCgroup createTask(String name, long memoryLimitBytes, long cpuLimitMillicores) throws IOException;

    /** The orchestrator's pid, in every task cgroup's name. */
    long selfPid();

    /** Removes empty task cgroups left by this orchestrator, and the parents left by orchestrators no longer running. */
    default void removeLeftovers() {
        for (Path parent : parents()) {
            CgroupDirs.removeLeftovers(parent, selfPid());
            CgroupDirs.removeGoneParents(parent.getParent());
        }
    }

    /** At the orchestrator's stop: its leftovers and its parents, then the group if no other orchestrator uses it. */
    default void close() {
        removeLeftovers();
        for (Path parent : parents()) {
            CgroupDirs.removeIfEmpty(parent);
            CgroupDirs.removeIfEmpty(parent.getParent());
        }
    }

    /** This orchestrator's parent under {@code own}, one hierarchy's own cgroup. */
    static Path parentUnder(Path own, long selfPid) {
        return own.resolve(GROUP).resolve(PARENT_PREFIX + selfPid);
    }

    /** The CFS quota of a CPU limit, in microseconds per {@link #PERIOD_MICROS}. */
    static long quotaMicros(long cpuLimitMillicores) {
        return Math.max(MIN_QUOTA_MICROS, cpuLimitMillicores * PERIOD_MICROS / 1000);
    }

    /**
     * The parents under the orchestrator's own cgroups, made now: v1 where the memory controller is a v1 hierarchy
     * (as on hybrid systems), else v2. Every directory is under {@code own}'s; nothing else is created or written.
     */
    static TaskCgroups under(OwnCgroups own, long selfPid, Optional<Capacity> capacity) throws CgroupsUnavailable {
        Path memory = own.v1().get("memory");
        if (memory != null) {
            Path cpu = own.v1().get("cpu");
            if (cpu == null) {
                throw new CgroupsUnavailable("cgroup v1 without a cpu controller in /proc/self/cgroup");
            }
            Optional<Path> cpuacct = Optional.ofNullable(own.v1().get("cpuacct"));
            writable(own, memory);
            writable(own, cpu);
            try {
                return CgroupV1Tasks.setUp(memory, cpu, cpuacct, selfPid, capacity);
            } catch (IOException e) {
                throw unavailable(e);
            }
        }
        if (own.v2().isPresent()) {
            writable(own, own.v2().get());
            try {
                return CgroupV2Tasks.setUp(own.v2().get(), selfPid, capacity);
            } catch (IOException e) {
                throw unavailable(e);
            }
        }
        throw new CgroupsUnavailable("no memory controller: /proc/self/cgroup names neither a cgroup v1 memory"
                + " hierarchy nor a cgroup v2 one that is mounted here");
    }

    /** Makes and removes a cgroup with limits, as a task's: proof that every file a task needs can be written. */
    default void verify() throws CgroupsUnavailable {
        try {
            create(new TaskCgroupName(0, 0, selfPid()), VERIFY_MEMORY_BYTES, VERIFY_CPU_MILLICORES).remove();
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private static void writable(OwnCgroups own, Path dir) throws CgroupsUnavailable {
        if (own.readOnly().contains(dir)) {
            throw new CgroupsUnavailable(dir + " is read-only");
        }
    }

    private static CgroupsUnavailable unavailable(IOException e) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() + ": " : "";
        return new CgroupsUnavailable("cannot write " + file + CgroupFiles.why(e));
    }
}
