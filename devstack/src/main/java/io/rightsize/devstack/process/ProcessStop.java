package io.rightsize.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops processes together: each gets the signal at once, all share one window to finish, and whoever is still
 * alive after it is killed with its whole process tree (a service's task processes must not outlive it).
 */
public final class ProcessStop {

    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private ProcessStop() {
    }

    /** Returns the processes that had to be killed because they outlasted the window. */
    public static List<ProcessHandle> stop(List<ProcessHandle> processes, StopSignal signal, Duration window) {
        processes.forEach(signal::send);
        long deadline = System.nanoTime() + window.toNanos();
        List<ProcessHandle> killed = new ArrayList<>();
        for (ProcessHandle process : processes) {
            if (!awaitExit(process, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                killTree(process);
                killed.add(process);
            }
        }
        return killed;
    }

    /** Kills the descendants first, listed while the parent still lives: once it dies, they are orphans. */
    public static void killTree(ProcessHandle process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process);
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(p -> awaitExit(p, KILL_WAIT));
    }

    /** Polled, not {@code onExit()}: a zombie no one reaps (not our child) stays "alive" to the JDK forever. */
    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!exited(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return exited(process);
            }
        }
        return true;
    }

    /** Gone, or a zombie (it has exited; only its parent's wait is missing). */
    public static boolean exited(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException | RuntimeException e) {
            return !process.isAlive();
        }
    }
}
