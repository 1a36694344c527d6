package io.rightsize.orchestrator.runner;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rightsize.common.messaging.Allocation;
import io.rightsize.orchestrator.cgroup.CgroupUsage;
import io.rightsize.orchestrator.cgroup.Enforcement;
import io.rightsize.orchestrator.cgroup.EnforcementMode;
import io.rightsize.orchestrator.cgroup.OwnCgroups;
import io.rightsize.orchestrator.cgroup.TaskCgroup;
import io.rightsize.orchestrator.cgroup.TaskCgroups;
import io.rightsize.orchestrator.runner.LocalProcessRunner.LocalTask;
import io.rightsize.tasks.ExitRecord;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runner on this machine's kernel, with real task processes: each task in a cgroup of its own under the
 * test JVM's own cgroups, limited, read when it ends and removed. The cgroup tests are skipped, with the reason,
 * where this JVM cannot write cgroups (not root, a read-only hierarchy...).
 */
class LocalProcessRunnerTest {

    private static final long MIB = 1024 * 1024;
    /** Far from the ids of the orchestrator tests' databases, though the names also carry this JVM's pid. */
    private static final AtomicLong TASK_IDS = new AtomicLong(900_000);
    private static final String TASKS_JAR = System.getProperty("rightsize.tasks.jar");

    @TempDir
    static Path work;
    private static Enforcement enforcement;
    private static LocalProcessRunner runner;

    @BeforeAll
    static void decide() throws IOException {
        enforcement = Enforcement.decide(EnforcementMode.AUTO, OwnCgroups.ofThisProcess(),
                ProcessHandle.current().pid());
        runner = new LocalProcessRunner(Optional.empty(), TASKS_JAR, enforcement.cgroups());
    }

    @AfterAll
    static void removeParents() {
        enforcement.cgroups().ifPresent(TaskCgroups::close);
    }

    @Test
    void aTaskOverItsMemoryLimitIsKilledByTheKernelAndReportedOutOfMemory() throws Exception {
        requireCgroups();
        // A JVM alone is charged 15 MiB by `java -version`; this task needs about 30 MiB at any limit (measured), and
        // its 16 MiB heap (the floor) is more than it holds: only the kernel can stop it.
        TaskLaunch launch = launch("grayscale", png(480, 360), Map.of(), allocation(1000, 16 * MIB));
        LocalTask task = start(launch);

        TaskExit exit = task.exit().join();

        assertTrue(exit.outOfMemory(), exit.toString());
        assertEquals(137, exit.exitCode(), "SIGKILL");
        assertEquals("OOMKilled: the kernel killed the task at its memory limit of 16 MiB", exit.reason());
        CgroupUsage used = task.cgroupUsage().orElseThrow();
        assertTrue(used.oomKills().orElse(0) >= 1, used.toString());
        assertTrue(used.peakMemoryBytes().orElseThrow() <= 16 * MIB, "never above the limit: " + used);
        assertNotNull(exit.usage(), "the cgroup's figures, though the killed task left no exit record");
        assertFalse(Files.exists(ExitRecord.beside(launch.logFile())), "killed before it could write one");
        assertGone(task);
    }

    @Test
    void aCpuBoundTaskLimitedTo200mGetsAFifthOfACoreAndIsThrottled() throws Exception {
        requireCgroups();
        long startNanos = System.nanoTime();
        // Alone on a core it needs about 0.6 s of CPU (JVM start included), so at 200m it runs about 3 s.
        LocalTask task = start(launch("sobel", png(640, 480), Map.of("passes", 100.0), allocation(200, 1024 * MIB)));

        TaskExit exit = task.exit().join();
        double wallSeconds = (System.nanoTime() - startNanos) / 1e9;

        assertTrue(exit.succeeded(), exit.toString());
        CgroupUsage used = task.cgroupUsage().orElseThrow();
        double cores = used.cpuSeconds().orElseThrow() / wallSeconds;
        assertTrue(wallSeconds > 2, "ran " + wallSeconds + " s");
        assertTrue(cores >= 0.1 && cores <= 0.3, cores + " cores over " + wallSeconds + " s: " + used);
        assertTrue(used.throttledPeriods() > 0 && used.throttledSeconds() > 0, used.toString());
        assertEquals(used.cpuSeconds().orElseThrow(), exit.usage().cpuSeconds(), 1e-9, "the kernel's CPU time");
        assertEquals(used.peakMemoryBytes().orElseThrow(), exit.usage().peakMemoryBytes(), "the kernel's peak");
        assertGone(task);
    }

    @Test
    void aCancelledTaskIsStoppedAndItsCgroupRemoved() throws Exception {
        requireCgroups();
        LocalTask task = start(launch("sobel", png(640, 480), Map.of("passes", 100.0), allocation(100, 1024 * MIB)));
        awaitInItsCgroup(task);

        task.cancel();
        TaskExit exit = task.exit().join();

        assertTrue(exit.cancelled(), exit.toString());
        assertFalse(ProcessHandle.of(task.pid()).map(ProcessHandle::isAlive).orElse(false));
        assertGone(task);
    }

    @Test
    void theTaskIsOnlyInNewCgroupsUnderTheOrchestratorsOwn() throws Exception {
        requireCgroups();
        LocalTask task = start(launch("sobel", png(640, 480), Map.of("passes", 100.0), allocation(100, 1024 * MIB)));
        awaitInItsCgroup(task);

        // The kernel's word, not the runner's: where the task is, hierarchy by hierarchy, against where we are.
        Map<String, String> ours = memberships(Path.of("/proc/self/cgroup"));
        Map<String, String> its = memberships(Path.of("/proc", Long.toString(task.pid()), "cgroup"));
        task.cancel();
        task.exit().join();

        assertEquals(ours.keySet(), its.keySet());
        int moved = 0;
        for (Map.Entry<String, String> hierarchy : ours.entrySet()) {
            String own = hierarchy.getValue();
            String theirs = its.get(hierarchy.getKey());
            if (!theirs.equals(own)) {
                String parent = (own.endsWith("/") ? own : own + "/") + TaskCgroups.GROUP + "/"
                        + TaskCgroups.PARENT_PREFIX + ProcessHandle.current().pid() + "/task-";
                assertTrue(theirs.startsWith(parent), hierarchy.getKey() + ": " + theirs + " is not under " + parent);
                moved++;
            }
        }
        assertEquals(task.cgroup().orElseThrow().dirs().size(), moved, "one cgroup per hierarchy the task needs");
        OwnCgroups own = OwnCgroups.ofThisProcess();
        List<Path> ownDirs = own.v1().isEmpty() ? List.of(own.v2().orElseThrow())
                : own.v1().values().stream().distinct().toList();
        for (Path parent : enforcement.cgroups().orElseThrow().parents()) {
            assertTrue(ownDirs.contains(parent.getParent().getParent()), parent + " is not in a group right under one"
                    + " of " + ownDirs);
            assertEquals(TaskCgroups.GROUP, parent.getParent().getFileName().toString());
        }
        assertGone(task);
    }

    @Test
    void emulatedLimitsLeaveTheTaskInTheOrchestratorsCgroupsAndTheKernelOutOfIt() throws Exception {
        LocalProcessRunner emulated = new LocalProcessRunner(Optional.empty(), TASKS_JAR, Optional.empty());
        LocalTask small = (LocalTask) emulated.start(launch("grayscale", png(480, 360), Map.of(),
                allocation(1000, 16 * MIB)));
        LocalTask slow = (LocalTask) emulated.start(launch("blur", png(1600, 1200), Map.of("radius", 50.0),
                allocation(1000, 1024 * MIB)));

        TaskExit exit = small.exit().join();
        Map<String, String> its = memberships(Path.of("/proc", Long.toString(slow.pid()), "cgroup"));
        slow.cancel();
        slow.exit().join();

        assertTrue(exit.succeeded(), "no kernel limit: the 16 MiB heap is enough for the image, " + exit);
        assertNotNull(exit.usage(), "from the exit record");
        assertTrue(small.cgroup().isEmpty() && small.cgroupUsage().isEmpty());
        assertEquals(memberships(Path.of("/proc/self/cgroup")), its, "no cgroup of its own");
        assertFalse(emulated.command(launch("grayscale", Path.of("in.png"), Map.of(), allocation(1000, 16 * MIB)),
                List.of()).contains("/bin/sh"));
    }

    @Test
    void aTaskThatCannotEnterItsCgroupNeverRuns() throws Exception {
        // A directory where cgroup.procs should be: the shell's write fails as a refused one would.
        Path notACgroup = Files.createDirectories(work.resolve("not-a-cgroup"));
        List<String> command = runner.command(launch("grayscale", png(64, 48), Map.of(), allocation(1000, 1024 * MIB)),
                List.of(notACgroup));

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(125, process.waitFor(), output);
        assertTrue(output.contains("rightsize: cannot enter the task's cgroup (" + notACgroup + ")"), output);
        assertFalse(output.contains("task=grayscale"), "the JVM never started: " + output);
    }

    private static void requireCgroups() {
        assumeTrue(enforcement.kind() == Enforcement.Kind.CGROUPS, "no task cgroups here: " + enforcement.detail());
    }

    private static LocalTask start(TaskLaunch launch) throws TaskStartException {
        return (LocalTask) runner.start(launch);
    }

    /** Waits until the kernel lists the task in its cgroup, so what follows finds it there. */
    private static void awaitInItsCgroup(LocalTask task) {
        Path procs = task.cgroup().orElseThrow().procsFiles().get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readAllLines(procs).contains(Long.toString(task.pid())));
    }

    private static void assertGone(LocalTask task) {
        TaskCgroup cgroup = task.cgroup().orElseThrow();
        for (Path dir : cgroup.dirs()) {
            assertFalse(Files.exists(dir), dir + " is still there");
        }
    }

    /** {@code /proc/PID/cgroup} as hierarchy (id and controllers) to path. */
    private static Map<String, String> memberships(Path file) throws IOException {
        Map<String, String> memberships = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int split = line.lastIndexOf(':', line.indexOf('/'));
            memberships.put(line.substring(0, split), line.substring(split + 1));
        }
        return memberships;
    }

    private static TaskLaunch launch(String service, Path input, Map<String, Double> params, Allocation allocation) {
        long id = TASK_IDS.incrementAndGet();
        Path dir = work.resolve("task-" + id);
        return new TaskLaunch("runner-test", id, 0, service, params, input, dir.resolve("out.png"),
                dir.resolve("task.log"), allocation, 1);
    }

    private static Allocation allocation(long cpuLimitMillicores, long memoryLimitBytes) {
        return new Allocation(cpuLimitMillicores, cpuLimitMillicores, memoryLimitBytes, memoryLimitBytes, "test");
    }

    private static Path png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        Path file = work.resolve("in-" + TASK_IDS.incrementAndGet() + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
