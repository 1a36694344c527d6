package io.rightsize.devstack.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            process.onExit().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
