package io.rightsize.producer.cgroup;

import io.rightsize.producer.sampling.LimitCounters;
import io.rightsize.producer.sampling.ProcessSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * cgroup v2: CPU from {@code cpu.stat} usage_usec, memory as the working set the kubelet, VPA and KRR use
 * ({@code memory.current} less {@code memory.stat}'s inactive_file, never below 0), disk from {@code io.stat}
 * rbytes/wbytes summed over devices ({@code io.stat} is absent when the io controller is not enabled for the cgroup,
 * and empty before any I/O: both count as no I/O), throttling from {@code cpu.stat} throttled_usec, OOM kills from
 * {@code memory.events}.
 */
public record CgroupV2(Path dir) implements CgroupReader {

    private static final long MICROS_PER_MILLI = 1000;

    @Override
    public Path processes() {
        return dir.resolve("cgroup.procs");
    }

    @Override
    public ProcessSnapshot snapshot(long wallMillis) throws IOException {
        long cpuMicros = CgroupFiles.keyed(dir.resolve("cpu.stat"), "usage_usec")
                .orElseThrow(() -> new IOException(dir.resolve("cpu.stat") + " has no usage_usec"));
        Path stat = dir.resolve("memory.stat");
        long inactive = Files.exists(stat) ? CgroupFiles.keyed(stat, "inactive_file").orElse(0L) : 0;
        long memoryBytes = Math.max(0, CgroupFiles.single(dir.resolve("memory.current")) - inactive);
        long read = CgroupFiles.perDeviceSum(dir.resolve("io.stat"), "rbytes");
        long written = CgroupFiles.perDeviceSum(dir.resolve("io.stat"), "wbytes");
        long throttled = CgroupFiles.keyed(dir.resolve("cpu.stat"), "throttled_usec").orElse(0L);
        Path events = dir.resolve("memory.events");
        Optional<Long> kills = Files.exists(events) ? CgroupFiles.keyed(events, "oom_kill") : Optional.empty();
        return new ProcessSnapshot(wallMillis, cpuMicros / MICROS_PER_MILLI, memoryBytes, read, written)
                .withLimits(new LimitCounters(throttled, kills.map(OptionalLong::of).orElse(OptionalLong.empty())));
    }
}
