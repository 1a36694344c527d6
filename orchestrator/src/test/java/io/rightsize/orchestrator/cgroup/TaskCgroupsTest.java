package io.rightsize.orchestrator.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Names, quotas and the OOM verdict, the same on v1 and v2. */
class TaskCgroupsTest {

    @Test
    void aCpuLimitIsAQuotaPerHundredMilliseconds() {
        assertEquals(20_000, TaskCgroups.quotaMicros(200));
        assertEquals(150_000, TaskCgroups.quotaMicros(1500));
        assertEquals(1_000, TaskCgroups.quotaMicros(5), "the kernel's least quota");
    }

    @Test
    void aNameCarriesTheTaskTheAttemptAndTheOrchestrator() {
        TaskCgroupName name = new TaskCgroupName(17, 2, 4242);

        assertEquals("task-17-2-4242", name.toString());
        assertEquals(Optional.of(name), TaskCgroupName.parse("task-17-2-4242"));
        assertEquals(Optional.empty(), TaskCgroupName.parse("rightsize-orchestrator"));
        assertEquals(Optional.empty(), TaskCgroupName.parse("task-17-2"));
    }

    @Test
    void withoutAnOomCountASigkillMeansTheKernel() {
        CgroupUsage uncounted = new CgroupUsage(OptionalLong.empty(), OptionalDouble.empty(), OptionalLong.empty(),
                0, 0, 0);

        assertTrue(uncounted.oomKilled(137));
        assertFalse(uncounted.oomKilled(4));
    }
}
