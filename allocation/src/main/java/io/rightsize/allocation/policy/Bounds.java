package io.rightsize.allocation.policy;

import io.rightsize.common.messaging.Allocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The least and the most any allocation may hand a task, per resource, as VPA's minAllowed and maxAllowed: a
 * recommendation is clamped into them and says so; one that is not a number at all is refused here.
 */
public record Bounds(long minCpuMillicores, long maxCpuMillicores, long minMemoryBytes, long maxMemoryBytes) {

    /** Below these a JVM task cannot start (the floors every launched allocation had before bounds existed). */
    public static final long MIN_CPU_MILLICORES = 10;
    public static final long MIN_MEMORY_BYTES = 32L << 20;
    private static final long MIB = 1L << 20;

    public Bounds {
        if (minCpuMillicores <= 0 || minMemoryBytes <= 0 || maxCpuMillicores < minCpuMillicores
                || maxMemoryBytes < minMemoryBytes) {
            throw new IllegalArgumentException(String.format(
                    "bounds need 0 < minimum <= maximum: CPU %dm-%dm, memory %d-%d MiB", minCpuMillicores,
                    maxCpuMillicores, minMemoryBytes >> 20, maxMemoryBytes >> 20));
        }
    }

    /** The default floors and, as the maximum, the whole capacity. */
    public static Bounds upTo(Capacity capacity) {
        return new Bounds(MIN_CPU_MILLICORES, Math.max(MIN_CPU_MILLICORES, capacity.cpuMillicores()),
                MIN_MEMORY_BYTES, Math.max(MIN_MEMORY_BYTES, capacity.memoryBytes()));
    }

    /** Configured values where given, else {@link #upTo} the capacity. */
    public static Bounds configured(Optional<Long> minCpu, Optional<Long> maxCpu, Optional<Long> minMemory,
                                    Optional<Long> maxMemory, Capacity capacity) {
        Bounds defaults = upTo(capacity);
        return new Bounds(minCpu.orElse(defaults.minCpuMillicores), maxCpu.orElse(defaults.maxCpuMillicores),
                minMemory.orElse(defaults.minMemoryBytes), maxMemory.orElse(defaults.maxMemoryBytes));
    }

    /** Whether a task that needs this much memory may run at all. */
    public boolean admitsMemory(long bytes) {
        return bytes <= maxMemoryBytes;
    }

    /**
     * The allocation inside the bounds, each limit at least its request; {@link Bounded#notes} says which bound
     * each changed number hit.
     *
     * @throws IllegalArgumentException for a negative number: no bound makes sense of it
     */
    public Bounded apply(Allocation a) {
        if (a.cpuRequestMillicores() < 0 || a.cpuLimitMillicores() < 0 || a.memoryRequestBytes() < 0
                || a.memoryLimitBytes() < 0) {
            throw new IllegalArgumentException("a negative allocation: " + a);
        }
        List<String> notes = new ArrayList<>();
        long cpuLimit = clamp(a.cpuLimitMillicores(), minCpuMillicores, maxCpuMillicores, "CPU limit",
                maxCpuMillicores + "m", notes);
        long cpuRequest = Math.min(cpuLimit, clamp(a.cpuRequestMillicores(), minCpuMillicores, maxCpuMillicores,
                "CPU request", maxCpuMillicores + "m", notes));
        long memoryLimit = clamp(a.memoryLimitBytes(), minMemoryBytes, maxMemoryBytes, "memory limit",
                (maxMemoryBytes / MIB) + " MiB", notes);
        long memoryRequest = Math.min(memoryLimit, clamp(a.memoryRequestBytes(), minMemoryBytes, maxMemoryBytes,
                "memory request", (maxMemoryBytes / MIB) + " MiB", notes));
        String source = a.source() + (notes.isEmpty() ? "" : "; " + String.join(", ", notes));
        return new Bounded(new Allocation(cpuRequest, cpuLimit, memoryRequest, memoryLimit, source), notes);
    }

    private static long clamp(long value, long min, long max, String what, String maxText, List<String> notes) {
        if (value > max) {
            notes.add(what + " capped at the maximum " + maxText);
            return max;
        }
        // Raising a number to the floor is routine (every tiny task meets it): not worth a note.
        return Math.max(value, min);
    }

    /** An allocation after the bounds, and the bounds it hit (empty when none capped it). */
    public record Bounded(Allocation allocation, List<String> notes) {

        public Bounded {
            notes = List.copyOf(notes);
        }

        public boolean capped() {
            return !notes.isEmpty();
        }
    }
}
