package io.rightsize.allocation.recommend;

import java.util.Locale;
import java.util.Map;

/**
 * The two resources that get an allocation. Recommenders read CPU in millicores and memory in bytes, the units
 * their fixed figures (VPA's 25m and 250 MiB minimums, its histogram buckets) are in; a trace in other units is
 * scaled on the way in ({@link #toCanonical}).
 */
public enum ResourceKind {
    CPU,
    MEMORY;

    /** A resource name's unit suffix and how many millicores or bytes one of it is. */
    private static final Map<String, Double> UNITS = Map.of("_cores", 1000.0, "_kib", 1024.0, "_mib", 1048576.0,
            "_gib", 1073741824.0, "_kb", 1e3, "_mb", 1e6, "_gb", 1e9);

    /** Maps a sampled resource name such as {@code cpu_millicores} or {@code memory_bytes} to its kind. */
    public static ResourceKind ofResourceName(String resource) {
        return resource.toLowerCase(Locale.ROOT).contains("cpu") ? CPU : MEMORY;
    }

    /**
     * How many millicores (CPU) or bytes (memory) one unit of {@code resource} is, from its name's suffix:
     * {@code memory_mib} 1048576, {@code cpu_cores} 1000; 1 for {@code _millicores}, {@code _bytes} and
     * anything else.
     */
    public static double toCanonical(String resource) {
        String name = resource.toLowerCase(Locale.ROOT);
        return UNITS.entrySet().stream().filter(e -> name.endsWith(e.getKey())).mapToDouble(Map.Entry::getValue)
                .findFirst().orElse(1.0);
    }
}
