package io.rightsize.producer.cgroup;

import io.rightsize.producer.sampling.LimitCounters;
import io.rightsize.producer.sampling.ProcessSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * cgroup v1, one directory per controller: CPU from {@code cpuacct.usage} (nanoseconds), memory as the working set
 * the kubelet, VPA and KRR use ({@code memory.usage_in_bytes} less {@code memory.stat}'s total_inactive_file, or its
 * rss where usage is not exposed), disk from
 * {@code blkio.throttle.io_service_bytes} Read/Write summed over devices (absent without the blkio controller),
 * throttling from the cpu controller's {@code cpu.stat} and OOM kills from {@code memory.oom_control}.
 */
public record CgroupV1(Path cpuacct, Path memory, Path blkio, Path cpu) implements CgroupReader {

    private static final long NANOS_PER_MILLI = 1_000_000;

    @Override
    public Path processes() {
        return cpuacct.resolve("cgroup.procs");
    }

    @Override
    public ProcessSnapshot snapshot(long wallMillis) throws IOException {
        long cpuNanos = CgroupFiles.single(cpuacct.resolve("cpuacct.usage"));
        long memoryBytes = memoryBytes(memory);
        Path io = blkio.resolve("blkio.throttle.io_service_bytes");
        return new ProcessSnapshot(wallMillis, cpuNanos / NANOS_PER_MILLI, memoryBytes,
                CgroupFiles.blkioSum(io, "Read"), CgroupFiles.blkioSum(io, "Write")).withLimits(limits());
    }

    /** Throttled time from the cpu controller's {@code cpu.stat}, OOM kills from {@code memory.oom_control}. */
    private LimitCounters limits() throws IOException {
        Path stat = cpu.resolve("cpu.stat");
        long throttledNanos = Files.exists(stat) ? CgroupFiles.keyed(stat, "throttled_time").orElse(0L) : 0;
        Path oom = memory.resolve("memory.oom_control");
        Optional<Long> kills = Files.exists(oom) ? CgroupFiles.keyed(oom, "oom_kill") : Optional.empty();
        return new LimitCounters(throttledNanos / 1000,
                kills.map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    /**
     * The working set: usage less the page cache the kernel would drop first (inactive files), never below 0, as
     * the kubelet computes it. total_* include child cgroups (a pod's containers); the plain keys are the cgroup's own.
     */
    private static long memoryBytes(Path memory) throws IOException {
        Path usage = memory.resolve("memory.usage_in_bytes");
        Path stat = memory.resolve("memory.stat");
        if (Files.exists(usage)) {
            long inactive = 0;
            if (Files.exists(stat)) {
                Optional<Long> total = CgroupFiles.keyed(stat, "total_inactive_file");
                inactive = (total.isPresent() ? total : CgroupFiles.keyed(stat, "inactive_file")).orElse(0L);
            }
            return Math.max(0, CgroupFiles.single(usage) - inactive);
        }
        Optional<Long> rss = CgroupFiles.keyed(stat, "total_rss");
        if (rss.isEmpty()) {
            rss = CgroupFiles.keyed(stat, "rss");
        }
        return rss.orElseThrow(() -> new IOException(stat + " has no rss"));
    }
}
