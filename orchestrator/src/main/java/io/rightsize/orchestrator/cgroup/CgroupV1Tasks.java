package io.rightsize.orchestrator.cgroup;

import io.rightsize.allocation.policy.Capacity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * cgroup v1: a parent in each hierarchy the limits need, memory and cpu, and cpuacct for CPU time where it is a
 * hierarchy of its own (often it is mounted with cpu). v1 has no rule against processes beside child cgroups, so the
 * group goes right under the orchestrator's own cgroups, whatever else they hold.
 */
public record CgroupV1Tasks(Path memory, Path cpu, Optional<Path> cpuacct, long selfPid, Optional<Capacity> capacity)
        implements TaskCgroups {

    static CgroupV1Tasks setUp(Path ownMemory, Path ownCpu, Optional<Path> ownCpuacct, long selfPid,
                               Optional<Capacity> capacity) throws IOException {
        CgroupV1Tasks tasks = new CgroupV1Tasks(TaskCgroups.parentUnder(ownMemory, selfPid),
                TaskCgroups.parentUnder(ownCpu, selfPid), ownCpuacct.map(d -> TaskCgroups.parentUnder(d, selfPid)),
                selfPid, capacity);
        tasks.makeParents();
        tasks.limitParents();
        return tasks;
    }

    @Override
    public String version() {
        return "v1";
    }

    @Override
    public List<Path> parents() {
        List<Path> parents = new ArrayList<>(List.of(memory, cpu));
        cpuacct.ifPresent(parents::add);
        return CgroupDirs.distinct(parents);
    }

    @Override
    public ParentUsage usedNow() throws IOException {
        long usage = CgroupFiles.single(memory.resolve("memory.usage_in_bytes"));
        long inactive = CgroupFiles.keyed(memory.resolve("memory.stat"), "total_inactive_file").orElse(0);
        Optional<Path> acct = cpuacct.isPresent() ? cpuacct : Optional.of(cpu).filter(c -> Files.exists(
                c.resolve("cpuacct.usage")));
        OptionalDouble cpuSeconds = acct.isPresent()
                ? OptionalDouble.of(CgroupFiles.single(acct.get().resolve("cpuacct.usage")) / 1e9)
                : OptionalDouble.empty();
        return new ParentUsage(Math.max(0, usage - inactive), cpuSeconds);
    }

    @Override
    public void makeParents() throws IOException {
        for (Path parent : parents()) {
            Files.createDirectories(parent);
        }
    }

    @Override
    public void writeParentLimits(Capacity capacity) throws IOException {
        CgroupFiles.write(memory.resolve("memory.limit_in_bytes"), Long.toString(capacity.memoryBytes()));
        CgroupFiles.write(cpu.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
        CgroupFiles.write(cpu.resolve("cpu.cfs_quota_us"),
                Long.toString(TaskCgroups.quotaMicros(capacity.cpuMillicores())));
    }

    @Override
    public TaskCgroup createTask(String name, long memoryLimitBytes, long cpuLimitMillicores) throws IOException {
        CgroupV1Task task = new CgroupV1Task(memory.resolve(name), cpu.resolve(name),
                cpuacct.map(d -> d.resolve(name)));
        List<Path> made = new ArrayList<>();
        try {
            for (Path dir : task.dirs()) {
                Files.createDirectory(dir);
                made.add(dir);
            }
            String bytes = Long.toString(memoryLimitBytes);
            CgroupFiles.write(task.memory().resolve("memory.limit_in_bytes"), bytes);
            // With swap accounting on, memory+swap gets the same limit: the task may not swap past its limit.
            Path memsw = task.memory().resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(memsw)) {
                CgroupFiles.write(memsw, bytes);
            }
            CgroupFiles.write(task.cpu().resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
            CgroupFiles.write(task.cpu().resolve("cpu.cfs_quota_us"),
                    Long.toString(taskQuotaMicros(cpuLimitMillicores)));
            return task;
        } catch (IOException e) {
            Collections.reverse(made);
            for (Path dir : made) {
                CgroupDirs.removeIfEmpty(dir);
            }
            throw e;
        }
    }
}
