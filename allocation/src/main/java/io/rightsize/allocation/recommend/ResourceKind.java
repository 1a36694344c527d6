package io.rightsize.allocation.recommend;

import java.util.Locale;

/** The two resources that get an allocation; CPU in millicores, memory in any one unit (MiB, bytes...). */
public enum ResourceKind {
    CPU,
    MEMORY;

    /** Maps a sampled resource name such as {@code cpu_millicores} or {@code memory_bytes} to its kind. */
    public static ResourceKind ofResourceName(String resource) {
        return resource.toLowerCase(Locale.ROOT).contains("cpu") ? CPU : MEMORY;
    }
}
