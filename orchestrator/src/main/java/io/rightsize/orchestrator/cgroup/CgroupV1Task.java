package io.rightsize.orchestrator.cgroup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A task's cgroup v1 directories. OOM kills from {@code memory.oom_control}, the peak from
 * {@code memory.max_usage_in_bytes}, CPU time from {@code cpuacct.usage}, throttling from {@code cpu.stat}.
 */
public record CgroupV1Task(Path memory, Path cpu, Optional<Path> cpuacct) implements TaskCgroup {

    private static final double NANOS = 1e9;

    @Override
    public List<Path> dirs() {
        List<Path> dirs = new ArrayList<>(List.of(memory, cpu));
        cpuacct.ifPresent(dirs::add);
        return CgroupDirs.distinct(dirs);
    }

    @Override
    public List<Path> procsFiles() {
        return dirs().stream().map(d -> d.resolve("cgroup.procs")).toList();
    }

    @Override
    public CgroupUsage usage() throws IOException {
        OptionalLong oomKills = CgroupFiles.keyed(memory.resolve("memory.oom_control"), "oom_kill");
        long peak = CgroupFiles.single(memory.resolve("memory.max_usage_in_bytes"));
        OptionalDouble cpuSeconds = cpuacct.isPresent()
                ? OptionalDouble.of(CgroupFiles.single(cpuacct.get().resolve("cpuacct.usage")) / NANOS)
                : OptionalDouble.empty();
        Path stat = cpu.resolve("cpu.stat");
        return new CgroupUsage(oomKills, cpuSeconds, OptionalLong.of(peak),
                CgroupFiles.keyed(stat, "nr_periods").orElse(0), CgroupFiles.keyed(stat, "nr_throttled").orElse(0),
                CgroupFiles.keyed(stat, "throttled_time").orElse(0) / NANOS);
    }
}
