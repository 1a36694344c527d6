package io.rightsize.devstack.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pid files against real processes: only a recorded process that is really ours is ever signalled. */
class StackPidsTest {

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killStarted() {
        started.forEach(p -> ProcessStop.killTree(p.toHandle()));
    }

    @Test
    void aRecordedProcessRoundTripsAndIsFoundWhileItRuns() throws Exception {
        Process sleeper = start("sleep", "300");
        StackPids pids = new StackPids(dir);
        PidFile recorded = PidFile.of("sleeper", ProcessRole.SERVICE, sleeper.toHandle(), "sleep", List.of(8081));
        pids.record(recorded);

        assertEquals(List.of(recorded), pids.all());
        assertEquals(List.of(recorded), pids.running());
        assertEquals(recorded, pids.holding(8081).orElseThrow());
        assertEquals(Long.toString(sleeper.pid()), Files.readAllLines(dir.resolve("sleeper.pid")).get(0),
                "the first line is the pid alone");
    }

    @Test
    void aLivePidWithAnotherCommandLineOrStartTimeIsNotOurs() throws Exception {
        Process unrelated = start("sleep", "300");
        PidFile otherCommand = PidFile.of("orchestrator", ProcessRole.SERVICE, unrelated.toHandle(),
                "/somewhere/orchestrator/target/quarkus-app/quarkus-run.jar", List.of());
        PidFile otherStart = new PidFile("sleeper", ProcessRole.SERVICE, unrelated.pid(),
                unrelated.toHandle().info().startInstant().orElseThrow().minus(Duration.ofMinutes(5)), "sleep",
                List.of());
        StackPids pids = new StackPids(dir);
        pids.record(otherCommand);
        pids.record(otherStart);

        assertTrue(pids.running().isEmpty());
        assertTrue(pids.stopAll(line -> { }).isEmpty());
        assertTrue(unrelated.isAlive(), "a reused pid is left alone");
        assertTrue(pids.all().isEmpty(), "the stale pid files are gone");
    }

    @Test
    void stopAllStopsTheServicesBeforePostgresAndReportsEach() throws Exception {
        Process service = start("sleep", "300");
        // Like PostgreSQL, the stand-in handles SIGINT itself: a plain sleep started from a background job of a
        // non-interactive shell (as CI may run the build) inherits SIGINT ignored and would outlast its window.
        Process postgres = start("perl", "-e", "$SIG{INT} = sub { exit 0 }; sleep 301");
        StackPids pids = new StackPids(dir);
        pids.record(PidFile.of("postgres", ProcessRole.POSTGRES, postgres.toHandle(), "sleep 301", List.of()));
        pids.record(PidFile.of("service", ProcessRole.SERVICE, service.toHandle(), "sleep 300", List.of()));
        List<String> report = new ArrayList<>();

        List<PidFile> stopped = pids.stopAll(report::add);

        assertEquals(List.of("service", "postgres"), stopped.stream().map(PidFile::name).toList());
        assertTrue(ProcessStop.exited(service.toHandle()));
        assertTrue(ProcessStop.exited(postgres.toHandle()));
        assertEquals(List.of("stopping service (pid " + service.pid() + ")", "stopped service (pid " + service.pid()
                + ")", "stopping postgres (pid " + postgres.pid() + ")", "stopped postgres (pid " + postgres.pid()
                + ")"), report);
        assertTrue(pids.all().isEmpty());
    }

    @Test
    void aProcessThatOutlastsItsWindowIsKilledWithItsChildren() throws Exception {
        Process stubborn = start("sh", "-c", "trap '' TERM; sleep 300 & wait");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (stubborn.toHandle().children().findAny().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        List<ProcessHandle> children = stubborn.toHandle().children().toList();
        assertFalse(children.isEmpty(), "the shell started its child");

        List<ProcessHandle> killed = ProcessStop.stop(List.of(stubborn.toHandle()), StopSignal.TERM,
                Duration.ofSeconds(1));

        assertEquals(List.of(stubborn.pid()), killed.stream().map(ProcessHandle::pid).toList());
        assertTrue(ProcessStop.exited(stubborn.toHandle()));
        children.forEach(child -> assertTrue(ProcessStop.exited(child), "its child " + child.pid() + " is killed too"));
    }

    private Process start(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process);
        return process;
    }
}
