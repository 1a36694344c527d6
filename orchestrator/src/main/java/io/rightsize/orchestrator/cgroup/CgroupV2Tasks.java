package io.rightsize.orchestrator.cgroup;

import io.rightsize.allocation.policy.Capacity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * cgroup v2: one parent in the unified hierarchy, with the memory and cpu controllers enabled for its children.
 *
 * <p>A child gets a controller only if its parent lists it in {@code cgroup.subtree_control}, and a cgroup other
 * than the root cannot both hold processes and enable controllers for children ("no internal processes"). So when
 * the orchestrator's own cgroup has not enabled them yet: if the orchestrator is the only process in it, it moves
 * itself into a leaf of its own, {@code <own>/rightsize-orchestrator}, and enables them (what a systemd service with
 * {@code Delegate=yes} is expected to do); if other processes share it, they are not the orchestrator's to move, and
 * enforcement falls back to emulation with that reason.
 */
public record CgroupV2Tasks(Path parent, long selfPid, Optional<Capacity> capacity) implements TaskCgroups {

    /** What task cgroups need; io, pids and the rest are not limited. */
    static final List<String> CONTROLLERS = List.of("memory", "cpu");
    /** Where the orchestrator moves itself when that is what enabling controllers takes. */
    static final String LEAF = "rightsize-orchestrator";
    private static final String ENABLE = "+memory +cpu";

    static CgroupV2Tasks setUp(Path own, long selfPid) throws IOException, CgroupsUnavailable {
        return setUp(own, selfPid, Optional.empty());
    }

    static CgroupV2Tasks setUp(Path own, long selfPid, Optional<Capacity> capacity)
            throws IOException, CgroupsUnavailable {
        List<String> delegated = CgroupFiles.words(own.resolve("cgroup.controllers"));
        List<String> missing = CONTROLLERS.stream().filter(c -> !delegated.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new CgroupsUnavailable("cgroup v2: " + String.join(" and ", missing) + " not delegated to " + own
                    + " (its cgroup.controllers: " + String.join(" ", delegated) + ")");
        }
        if (!CgroupFiles.words(own.resolve("cgroup.subtree_control")).containsAll(CONTROLLERS)) {
            // Only the root cgroup has no cgroup.type; it alone may hold processes and enable controllers both.
            if (Files.exists(own.resolve("cgroup.type"))) {
                leaveForALeaf(own, selfPid);
            }
            CgroupFiles.write(own.resolve("cgroup.subtree_control"), ENABLE);
        }
        CgroupV2Tasks tasks = new CgroupV2Tasks(TaskCgroups.parentUnder(own, selfPid), selfPid, capacity);
        tasks.makeParents();
        tasks.limitParents();
        return tasks;
    }

    private static void leaveForALeaf(Path own, long selfPid) throws IOException, CgroupsUnavailable {
        List<Long> pids = CgroupFiles.pids(own.resolve("cgroup.procs"));
        List<Long> others = pids.stream().filter(p -> p != selfPid).toList();
        if (!others.isEmpty()) {
            throw new CgroupsUnavailable("cgroup v2: " + own + " holds processes besides the orchestrator ("
                    + others.size() + ", e.g. " + others.get(0) + "), so it cannot enable controllers for task"
                    + " cgroups and they are not the orchestrator's to move; run the orchestrator in a cgroup of its"
                    + " own (e.g. a systemd service with Delegate=yes)");
        }
        if (pids.contains(selfPid)) {
            Path leaf = own.resolve(LEAF);
            Files.createDirectories(leaf);
            CgroupFiles.write(leaf.resolve("cgroup.procs"), Long.toString(selfPid));
        }
    }

    @Override
    public String version() {
        return "v2";
    }

    @Override
    public List<Path> parents() {
        return List.of(parent);
    }

    @Override
    public void writeParentLimits(Capacity capacity) throws IOException {
        CgroupFiles.write(parent.resolve("memory.max"), Long.toString(capacity.memoryBytes()));
        CgroupFiles.write(parent.resolve("cpu.max"),
                TaskCgroups.quotaMicros(capacity.cpuMillicores()) + " " + PERIOD_MICROS);
    }

    @Override
    public ParentUsage usedNow() throws IOException {
        long current = CgroupFiles.single(parent.resolve("memory.current"));
        long inactive = CgroupFiles.keyed(parent.resolve("memory.stat"), "inactive_file").orElse(0);
        OptionalLong usage = CgroupFiles.keyed(parent.resolve("cpu.stat"), "usage_usec");
        return new ParentUsage(Math.max(0, current - inactive), usage.isPresent()
                ? OptionalDouble.of(usage.getAsLong() / 1e6) : OptionalDouble.empty());
    }

    @Override
    public void makeParents() throws IOException {
        // Each level hands the memory and cpu controllers down: the group to the parents, the parent to the tasks.
        for (Path dir : List.of(parent.getParent(), parent)) {
            Files.createDirectories(dir);
            if (!CgroupFiles.words(dir.resolve("cgroup.subtree_control")).containsAll(CONTROLLERS)) {
                CgroupFiles.write(dir.resolve("cgroup.subtree_control"), ENABLE);
            }
        }
    }

    @Override
    public TaskCgroup createTask(String name, long memoryLimitBytes, long cpuLimitMillicores) throws IOException {
        CgroupV2Task task = new CgroupV2Task(parent.resolve(name));
        Files.createDirectory(task.dir());
        try {
            CgroupFiles.write(task.dir().resolve("memory.max"), Long.toString(memoryLimitBytes));
            // The task may not swap past its limit; the file is absent where the kernel has no swap accounting.
            Path swap = task.dir().resolve("memory.swap.max");
            if (Files.exists(swap)) {
                CgroupFiles.write(swap, "0");
            }
            CgroupFiles.write(task.dir().resolve("cpu.max"),
                    taskQuotaMicros(cpuLimitMillicores) + " " + PERIOD_MICROS);
            return task;
        } catch (IOException e) {
            CgroupDirs.removeIfEmpty(task.dir());
            throw e;
        }
    }
}
