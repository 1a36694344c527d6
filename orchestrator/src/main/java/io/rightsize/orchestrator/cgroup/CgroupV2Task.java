package io.rightsize.orchestrator.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A task's cgroup v2 directory. OOM kills from {@code memory.events}, the peak from {@code memory.peak} (Linux
 * 5.19 and later), CPU time and throttling from {@code cpu.stat}.
 */
public record CgroupV2Task(Path dir) implements TaskCgroup {

    private static final double MICROS = 1e6;

    @Override
    public List<Path> dirs() {
        return List.of(dir);
    }

    @Override
    public List<Path> procsFiles() {
        return List.of(dir.resolve("cgroup.procs"));
    }

    @Override
    public CgroupUsage usage() throws IOException {
        OptionalLong oomKills = CgroupFiles.keyed(dir.resolve("memory.events"), "oom_kill");
        Path peakFile = dir.resolve("memory.peak");
        OptionalLong peak = Files.exists(peakFile) ? OptionalLong.of(CgroupFiles.single(peakFile))
                : OptionalLong.empty();
        Path stat = dir.resolve("cpu.stat");
        OptionalLong usage = CgroupFiles.keyed(stat, "usage_usec");
        return new CgroupUsage(oomKills, usage.isPresent() ? OptionalDouble.of(usage.getAsLong() / MICROS)
                : OptionalDouble.empty(), peak, CgroupFiles.keyed(stat, "nr_periods").orElse(0),
                CgroupFiles.keyed(stat, "nr_throttled").orElse(0),
                CgroupFiles.keyed(stat, "throttled_usec").orElse(0) / MICROS);
    }
}
