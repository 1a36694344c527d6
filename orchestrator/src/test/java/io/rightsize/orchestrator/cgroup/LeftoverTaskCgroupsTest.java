package io.rightsize.orchestrator.cgroup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Leftover task cgroups on this machine's kernel, as an orchestrator that crashed leaves them: a stop removes the empty
 * ones of this orchestrator and of stopped ones, never those of one still running. Skipped, with the reason, where
 * this JVM cannot write cgroups.
 */
class LeftoverTaskCgroupsTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void aStopRemovesTheEmptyLeftoversOfThisAndOfStoppedOrchestratorsOnly() throws Exception {
        long self = ProcessHandle.current().pid();
        Enforcement enforcement = Enforcement.decide(EnforcementMode.AUTO, OwnCgroups.ofThisProcess(), self);
        assumeTrue(enforcement.kind() == Enforcement.Kind.CGROUPS, "no task cgroups here: " + enforcement.detail());
        TaskCgroups tasks = enforcement.cgroups().orElseThrow();
        TaskCgroup ours = tasks.create(new TaskCgroupName(910_001, 1, self), 64 * MIB, 100);
        long stopped = stoppedPid();
        TaskCgroups stoppedOnes = TaskCgroups.under(OwnCgroups.ofThisProcess(), stopped, Optional.empty());
        TaskCgroup orphaned = stoppedOnes.create(new TaskCgroupName(910_002, 1, stopped), 64 * MIB, 100);
        // pid 1 runs as long as the machine does: an orchestrator still running, sharing the group.
        TaskCgroups livingOnes = TaskCgroups.under(OwnCgroups.ofThisProcess(), 1, Optional.empty());
        TaskCgroup othersLive = livingOnes.create(new TaskCgroupName(910_003, 1, 1), 64 * MIB, 100);
        try {
            tasks.close();

            for (Path dir : ours.dirs()) {
                assertFalse(Files.exists(dir), dir.toString());
            }
            for (Path dir : orphaned.dirs()) {
                assertFalse(Files.exists(dir), dir.toString());
            }
            for (Path parent : stoppedOnes.parents()) {
                assertFalse(Files.exists(parent), "the stopped orchestrator's parent: " + parent);
            }
            for (Path dir : othersLive.dirs()) {
                assertTrue(Files.isDirectory(dir), dir.toString());
            }
            for (Path parent : tasks.parents()) {
                assertFalse(Files.exists(parent), "this orchestrator's own parent: " + parent);
                assertTrue(Files.isDirectory(parent.getParent()), "the group still holds another's: " + parent);
            }
        } finally {
            othersLive.remove();
            for (Path parent : livingOnes.parents()) {
                Files.deleteIfExists(parent);
            }
            tasks.close();
        }
    }

    /** The pid of a process that has ended. */
    private static long stoppedPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
