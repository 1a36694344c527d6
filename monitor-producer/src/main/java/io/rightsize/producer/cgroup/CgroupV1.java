package io.rightsize.producer.cgroup;

import io.rightsize.producer.sampling.ProcessSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * cgroup v1, one directory per controller: CPU from {@code cpuacct.usage} (nanoseconds), memory from
 * {@code memory.usage_in_bytes} (or {@code memory.stat}'s rss where usage is not exposed), disk from
 * {@code blkio.throttle.io_service_bytes} Read/Write summed over devices (absent without the blkio controller).
 */
public record CgroupV1(Path cpuacct, Path memory, Path blkio) implements CgroupReader {

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
                CgroupFiles.blkioSum(io, "Read"), CgroupFiles.blkioSum(io, "Write"));
    }

    /** total_rss includes child cgroups (a pod's containers); plain rss is the cgroup's own. */
    private static long memoryBytes(Path memory) throws IOException {
        Path usage = memory.resolve("memory.usage_in_bytes");
        if (Files.exists(usage)) {
            return CgroupFiles.single(usage);
        }
        Path stat = memory.resolve("memory.stat");
        Optional<Long> rss = CgroupFiles.keyed(stat, "total_rss");
        if (rss.isEmpty()) {
            rss = CgroupFiles.keyed(stat, "rss");
        }
        return rss.orElseThrow(() -> new IOException(stat + " has no rss"));
    }
}
