package io.rightsize.allocation.policy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What one machine (or node) can give a task at most: the default maximum of every allocation, as VPA's maxAllowed. */
public record Capacity(long cpuMillicores, long memoryBytes) {

    private static final Path MEMINFO = Path.of("/proc/meminfo");

    public Capacity {
        if (cpuMillicores <= 0 || memoryBytes <= 0) {
            throw new IllegalArgumentException("a capacity needs CPU and memory above 0, not " + cpuMillicores
                    + "m and " + memoryBytes + " bytes");
        }
    }

    /** This machine's cores and physical memory (MemTotal; the JVM's view where there is no /proc). */
    public static Capacity ofThisMachine() {
        return new Capacity(1000L * Runtime.getRuntime().availableProcessors(), physicalMemory());
    }

    private static long physicalMemory() {
        try {
            for (String line : Files.readAllLines(MEMINFO)) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.substring(9).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the JVM's figure below
        }
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }
}
