package io.rightsize.orchestrator;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A default allocation so small (a 36 MiB heap) that a task enlarging a few megapixels runs out of its heap. The
 * limits are emulated: under a 48 MiB kernel limit the JVM's own 15-30 MiB and a 36 MiB heap race, and the kernel
 * kills some of these tasks first (measured: 2 of 8 runs of the 480x360 enlargement), which {@code
 * KernelOutOfMemoryRetryTest} covers on its own.
 */
public class TinyMemoryProfile implements QuarkusTestProfile {

    static final long MEMORY_REQUEST_BYTES = 32L * 1024 * 1024;
    static final long MEMORY_LIMIT_BYTES = 48L * 1024 * 1024;
    /** The most any task gets: 48 MiB, 148 MiB (VPA's bump outweighs the equal-ratio step), then this. */
    static final long MAX_MEMORY_BYTES = 432L * 1024 * 1024;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "rightsize.allocation.default-allocation.memory-request-bytes", Long.toString(MEMORY_REQUEST_BYTES),
                "rightsize.allocation.default-allocation.memory-limit-bytes", Long.toString(MEMORY_LIMIT_BYTES),
                "rightsize.allocation.bounds.max-memory-bytes", Long.toString(MAX_MEMORY_BYTES),
                "rightsize.orchestrator.enforcement", "emulated");
    }
}
