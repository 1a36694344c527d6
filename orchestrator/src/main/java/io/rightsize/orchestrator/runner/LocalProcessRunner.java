package io.rightsize.orchestrator.runner;

import io.rightsize.allocation.policy.TaskHeap;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import io.rightsize.orchestrator.domain.TaskUsage;
import io.rightsize.tasks.ExitCode;
import io.rightsize.tasks.ExitRecord;
import io.rightsize.tasks.TaskProcesses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs each task as a local JVM process from the task catalog's jar. The allocation's memory limit becomes
 * the heap ceiling (75% of it, leaving room for the JVM's own memory), its CPU limit the processor count.
 */
public class LocalProcessRunner implements TaskRunner {

    static final String MAIN_CLASS = TaskProcesses.MAIN_CLASS;
    private static final long MIB = 1024 * 1024;
    private static final long MIN_HEAP_MIB = 16;
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final OrchestratorConfig config;
    private final String host;

    public LocalProcessRunner(OrchestratorConfig config) {
        this.config = config;
        this.host = localHost();
    }

    @Override
    public RunningTask start(TaskLaunch launch) throws TaskStartException {
        List<String> command = command(launch);
        try {
            Files.createDirectories(launch.output().getParent());
            Files.createDirectories(launch.logFile().getParent());
            Path exitRecord = ExitRecord.beside(launch.logFile());
            Files.deleteIfExists(exitRecord);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(launch.logFile().toFile());
            builder.environment().put(ExitRecord.PATH_VARIABLE, exitRecord.toString());
            Process process = builder.start();
            return new LocalTask(process, host, launch.logFile(), launch.allocation().memoryLimitBytes());
        } catch (IOException e) {
            throw new TaskStartException("cannot start " + launch.service() + ": " + e.getMessage(), e);
        }
    }

    List<String> command(TaskLaunch launch) {
        List<String> command = new ArrayList<>();
        // A session of its own: Ctrl-C in the terminal that started the stack goes to the orchestrator, which
        // cancels the task, instead of killing the task first and having it recorded FAILED (exit 130). setsid execs
        // the JVM in place, so the pid stays the task's.
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(config.javaCommand().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The floor only keeps a JVM able to start at all; above it the heap follows the allocation exactly.
        long heapMiB = Math.max(MIN_HEAP_MIB, TaskHeap.heapBytes(launch.allocation().memoryLimitBytes()) / MIB);
        long cpus = Math.max(1, (launch.allocation().cpuLimitMillicores() + 999) / 1000);
        command.add("-Xmx" + heapMiB + "m");
        command.add("-XX:ActiveProcessorCount=" + cpus);
        // G1 can place a large image array in any free regions; the serial collector needs it to fit the old
        // generation, a fraction of the heap, so a task would run out of memory well under its limit.
        command.add("-XX:+UseG1GC");
        command.add("-cp");
        command.add(config.tasksClasspath());
        command.add(MAIN_CLASS);
        command.addAll(TaskArguments.of(launch));
        return command;
    }

    /** The end a task process's exit code means; also read for a task that ended while no orchestrator ran. */
    public static TaskExit exitOf(int code, Path logFile, long memoryLimitBytes) {
        if (code == ExitCode.OUT_OF_MEMORY.code()) {
            return TaskExit.outOfMemory(code, "OOMKilled: the task exceeded its memory limit of "
                    + Math.round((double) memoryLimitBytes / MIB) + " MiB");
        }
        return TaskExit.ended(code, code == 0 ? null : "exit code " + code + ": " + LocalTask.lastLine(logFile));
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /**
     * A local task process; its end is read from the process and the last line of its log. Exit code 4 is the task
     * catalog's out-of-memory status: the heap, sized from the memory limit, was too small, which is what an
     * OOM-killed pod means on a cluster, so both are reported as OOMKilled.
     */
    static final class LocalTask implements RunningTask {
        private final Process process;
        private final String host;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final CompletableFuture<TaskExit> exit;

        LocalTask(Process process, String host, Path logFile, long memoryLimitBytes) {
            this.process = process;
            this.host = host;
            this.exit = process.onExit().thenApply(p -> {
                Instant endedAt = Instant.now();
                TaskExit exit = exit(p.exitValue(), logFile, memoryLimitBytes);
                return ExitRecord.read(ExitRecord.beside(logFile))
                        .map(r -> exit.recorded(r.endedAt(), new TaskUsage(r.cpuSeconds(), r.peakMemoryBytes())))
                        .orElseGet(() -> exit.recorded(endedAt, null));
            });
        }

        private TaskExit exit(int code, Path logFile, long memoryLimitBytes) {
            if (cancelled.get()) {
                return TaskExit.cancelled(code);
            }
            return exitOf(code, logFile, memoryLimitBytes);
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public String host() {
            return host;
        }

        @Override
        public CompletableFuture<TaskExit> exit() {
            return exit;
        }

        @Override
        public void cancel() {
            cancelled.set(true);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        private static String lastLine(Path logFile) {
            try {
                List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
                for (int i = lines.size() - 1; i >= 0; i--) {
                    if (!lines.get(i).isBlank()) {
                        String line = lines.get(i).strip();
                        return line.length() > 500 ? line.substring(0, 500) : line;
                    }
                }
                return "no output";
            } catch (IOException e) {
                return "log unreadable: " + e.getMessage();
            }
        }
    }
}
