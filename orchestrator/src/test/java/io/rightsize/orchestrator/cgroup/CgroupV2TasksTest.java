package io.rightsize.orchestrator.cgroup;

import io.rightsize.allocation.policy.Capacity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cgroup v2 file logic on a directory laid out as the kernel lays out a cgroup (this machine runs v1, so no real
 * v2 cgroup can be written here): delegation, the no-internal-processes rule, limits and counters.
 */
class CgroupV2TasksTest {

    private static final long PID = 4242;
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path own;

    @Test
    void movesItselfIntoALeafWhenItIsTheOnlyProcessThenEnablesTheControllers() throws Exception {
        cgroup(own, "cpuset cpu io memory pids", "", PID);

        CgroupV2Tasks tasks = CgroupV2Tasks.setUp(own, PID);

        assertEquals(List.of("4242"), lines(own.resolve("rightsize-orchestrator/cgroup.procs")));
        assertEquals(List.of("+memory +cpu"), lines(own.resolve("cgroup.subtree_control")));
        assertEquals(List.of(own.resolve("rightsize-tasks/orchestrator-4242")), tasks.parents());
        assertEquals(List.of("+memory +cpu"), lines(own.resolve("rightsize-tasks/cgroup.subtree_control")));
        assertEquals(List.of("+memory +cpu"), lines(own.resolve("rightsize-tasks/orchestrator-4242/"
                + "cgroup.subtree_control")));
    }

    @Test
    void theCapacityLimitsThisOrchestratorsParentOnly() throws Exception {
        cgroup(own, "cpu memory", "cpu memory");

        CgroupV2Tasks tasks = CgroupV2Tasks.setUp(own, PID, Optional.of(new Capacity(1500, 3L << 30)));
        TaskCgroup task = tasks.create(new TaskCgroupName(7, 1, PID), 256 * MIB, 4000);

        Path parent = own.resolve("rightsize-tasks/orchestrator-4242");
        assertEquals(List.of(Long.toString(3L << 30)), lines(parent.resolve("memory.max")));
        assertEquals(List.of("150000 100000"), lines(parent.resolve("cpu.max")));
        assertFalse(Files.exists(own.resolve("rightsize-tasks/memory.max")), "the group stays unlimited");
        assertEquals(List.of("150000 100000"), lines(task.dirs().get(0).resolve("cpu.max")),
                "a task's CPU limit no higher than its parent's");
    }

    @Test
    void fallsBackWhenOtherProcessesShareItsCgroup() throws IOException {
        cgroup(own, "cpu memory", "", PID, 777);

        CgroupsUnavailable e = assertThrows(CgroupsUnavailable.class, () -> CgroupV2Tasks.setUp(own, PID));

        assertTrue(e.getMessage().contains("holds processes besides the orchestrator (1, e.g. 777)"), e.getMessage());
        assertFalse(Files.exists(own.resolve("rightsize-orchestrator")), "nothing moved");
        assertFalse(Files.exists(own.resolve("rightsize-tasks")), "nothing made");
        assertEquals(List.of(), lines(own.resolve("cgroup.subtree_control")), "nothing written");
    }

    @Test
    void theRootCgroupEnablesTheControllersWithoutALeaf() throws Exception {
        cgroup(own, "cpu memory", "", PID, 1, 777);
        Files.delete(own.resolve("cgroup.type"));

        CgroupV2Tasks.setUp(own, PID);

        assertFalse(Files.exists(own.resolve("rightsize-orchestrator")));
        assertEquals(List.of("+memory +cpu"), lines(own.resolve("cgroup.subtree_control")));
    }

    @Test
    void controllersAlreadyEnabledForChildrenAreUsedAsTheyAre() throws Exception {
        cgroup(own, "cpu memory", "cpu memory");

        CgroupV2Tasks.setUp(own, PID);

        assertFalse(Files.exists(own.resolve("rightsize-orchestrator")));
        assertEquals(List.of("cpu memory"), lines(own.resolve("cgroup.subtree_control")));
        assertTrue(Files.isDirectory(own.resolve("rightsize-tasks/orchestrator-4242")));
    }

    @Test
    void refusesWhenTheParentDidNotDelegateTheControllers() throws IOException {
        cgroup(own, "cpu pids", "", PID);

        CgroupsUnavailable e = assertThrows(CgroupsUnavailable.class, () -> CgroupV2Tasks.setUp(own, PID));

        assertEquals("cgroup v2: memory not delegated to " + own + " (its cgroup.controllers: cpu pids)",
                e.getMessage());
    }

    @Test
    void aTaskCgroupGetsItsMemoryLimitAndCpuQuota() throws Exception {
        cgroup(own, "cpu memory", "cpu memory");
        CgroupV2Tasks tasks = CgroupV2Tasks.setUp(own, PID);

        TaskCgroup task = tasks.create(new TaskCgroupName(7, 2, PID), 256 * MIB, 200);

        Path dir = own.resolve("rightsize-tasks/orchestrator-4242/task-7-2-4242");
        assertEquals(List.of(dir), task.dirs());
        assertEquals(List.of(dir.resolve("cgroup.procs")), task.procsFiles());
        assertEquals(List.of("268435456"), lines(dir.resolve("memory.max")));
        assertEquals(List.of("20000 100000"), lines(dir.resolve("cpu.max")));
    }

    @Test
    void readsTheKernelsCountersWhenATaskEnds() throws IOException {
        Path dir = Files.createDirectories(own.resolve("task-7-1-4242"));
        Files.writeString(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\noom_group_kill 0\n");
        Files.writeString(dir.resolve("memory.peak"), "16777216\n");
        Files.writeString(dir.resolve("cpu.stat"), "usage_usec 1234567\nuser_usec 1000000\nsystem_usec 234567\n"
                + "nr_periods 30\nnr_throttled 28\nthrottled_usec 2500000\nnr_bursts 0\nburst_usec 0\n");

        CgroupUsage used = new CgroupV2Task(dir).usage();

        assertEquals(new CgroupUsage(OptionalLong.of(1), OptionalDouble.of(1.234567), OptionalLong.of(16 * MIB), 30,
                28, 2.5), used);
        assertTrue(used.oomKilled(137));
    }

    @Test
    void aKernelWithoutMemoryPeakLeavesThePeakUnknown() throws IOException {
        Path dir = Files.createDirectories(own.resolve("task-7-1-4242"));
        Files.writeString(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\n");
        Files.writeString(dir.resolve("cpu.stat"), "usage_usec 500000\nuser_usec 400000\nsystem_usec 100000\n");

        CgroupUsage used = new CgroupV2Task(dir).usage();

        assertEquals(OptionalLong.empty(), used.peakMemoryBytes());
        assertEquals(0, used.throttledPeriods(), "no cpu controller, no throttling counts");
        assertFalse(used.oomKilled(137), "a SIGKILL the kernel did not count as an OOM kill is someone else's");
    }

    /** A non-root cgroup directory as the kernel shows it. */
    private static void cgroup(Path dir, String controllers, String subtreeControl, long... pids) throws IOException {
        Files.writeString(dir.resolve("cgroup.controllers"), controllers + "\n");
        Files.writeString(dir.resolve("cgroup.subtree_control"), subtreeControl.isEmpty() ? "" : subtreeControl + "\n");
        StringBuilder procs = new StringBuilder();
        for (long pid : pids) {
            procs.append(pid).append('\n');
        }
        Files.writeString(dir.resolve("cgroup.procs"), procs);
        Files.writeString(dir.resolve("cgroup.type"), "domain\n");
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }
}
