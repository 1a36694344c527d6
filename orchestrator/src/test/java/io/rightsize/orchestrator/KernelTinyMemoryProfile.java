package io.rightsize.orchestrator;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A default memory limit (16 MiB) under what any task JVM needs (`java -version` alone is charged 15 MiB, a small
 * task about 30 MiB), with a heap (the 16 MiB floor) larger than the small task holds: under kernel enforcement the
 * first attempt is always killed by the kernel, never by its heap.
 */
public class KernelTinyMemoryProfile implements QuarkusTestProfile {

    static final long MEMORY_LIMIT_BYTES = 16L * 1024 * 1024;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "rightsize.allocation.default-allocation.memory-request-bytes", Long.toString(MEMORY_LIMIT_BYTES),
                "rightsize.allocation.default-allocation.memory-limit-bytes", Long.toString(MEMORY_LIMIT_BYTES),
                "rightsize.allocation.bounds.min-memory-bytes", Long.toString(MEMORY_LIMIT_BYTES),
                "rightsize.orchestrator.enforcement", "auto");
    }
}
