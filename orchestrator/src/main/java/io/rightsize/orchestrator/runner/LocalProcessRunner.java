package io.rightsize.orchestrator.runner;

import io.rightsize.allocation.policy.TaskHeap;
import io.rightsize.orchestrator.cgroup.CgroupUsage;
import io.rightsize.orchestrator.cgroup.TaskCgroup;
import io.rightsize.orchestrator.cgroup.TaskCgroupName;
import io.rightsize.orchestrator.cgroup.TaskCgroups;
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
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs each task as a local JVM process from the task catalog's jar. The allocation's memory limit becomes
 * the heap ceiling (75% of it, leaving room for the JVM's own memory), its CPU limit the processor count; where
 * cgroups can be written, the kernel also holds the process to both: it runs in a cgroup of its own with the memory
 * limit (beyond it the kernel OOM-kills it) and a CFS quota of the CPU limit.
 */
public class LocalProcessRunner implements TaskRunner {

    static final String MAIN_CLASS = TaskProcesses.MAIN_CLASS;
    private static final Logger LOG = Logger.getLogger(LocalProcessRunner.class);
    private static final long MIB = 1024 * 1024;
    private static final long MIN_HEAP_MIB = 16;
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final String SHELL = "/bin/sh";
    /**
     * Writes the shell's own pid into each cgroup.procs file given before {@code --}, then execs the rest: the JVM
     * then keeps that pid and is in its cgroups from its first instruction, with no window for a child to escape.
     */
    static final String ENTER_CGROUPS = "for f do if [ \"$f\" = -- ]; then shift; exec \"$@\"; fi;"
            + " echo $$ > \"$f\" || { echo \"rightsize: cannot enter the task's cgroup ($f)\" >&2; exit 125; };"
            + " shift; done";

    private final String java;
    private final String tasksClasspath;
    private final Optional<TaskCgroups> cgroups;
    private final String host;

    /**
     * @param javaCommand    the java executable for tasks; the orchestrator's own when empty
     * @param tasksClasspath the task catalog's jar
     * @param cgroups        where task cgroups are made, or empty to emulate the limits with JVM flags only
     */
    public LocalProcessRunner(Optional<String> javaCommand, String tasksClasspath, Optional<TaskCgroups> cgroups) {
        this.java = javaCommand.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        this.tasksClasspath = tasksClasspath;
        this.cgroups = cgroups;
        this.host = localHost();
    }

    @Override
    public RunningTask start(TaskLaunch launch) throws TaskStartException {
        Optional<TaskCgroup> cgroup = cgroup(launch);
        List<String> command = command(launch, cgroup.map(TaskCgroup::procsFiles).orElse(List.of()));
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
            return new LocalTask(process, host, launch.logFile(), launch.allocation().memoryLimitBytes(), cgroup);
        } catch (IOException e) {
            cgroup.ifPresent(TaskCgroup::finish);
            throw new TaskStartException("cannot start " + launch.service() + ": " + e.getMessage(), e);
        }
    }

    private Optional<TaskCgroup> cgroup(TaskLaunch launch) throws TaskStartException {
        if (cgroups.isEmpty()) {
            return Optional.empty();
        }
        TaskCgroupName name = new TaskCgroupName(launch.taskId(), launch.attempt(), ProcessHandle.current().pid());
        try {
            return Optional.of(cgroups.get().create(name, launch.allocation().memoryLimitBytes(),
                    launch.allocation().cpuLimitMillicores()));
        } catch (IOException e) {
            throw new TaskStartException("cannot start " + launch.service() + ": its cgroup " + name + " cannot be"
                    + " made under " + cgroups.get().parents() + ": " + e.getMessage(), e);
        }
    }

    /** The task's command line; with {@code procsFiles}, behind the shell that moves it into its cgroup first. */
    List<String> command(TaskLaunch launch, List<Path> procsFiles) {
        List<String> command = new ArrayList<>();
        // A session of its own: Ctrl-C in the terminal that started the stack goes to the orchestrator, which
        // cancels the task, instead of killing the task first and having it recorded FAILED (exit 130). setsid execs
        // the JVM (or the shell that becomes it) in place, so the pid stays the task's.
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        if (!procsFiles.isEmpty()) {
            command.add(SHELL);
            command.add("-c");
            command.add(ENTER_CGROUPS);
            command.add("rightsize-task");
            procsFiles.forEach(f -> command.add(f.toString()));
            command.add("--");
        }
        command.add(java);
        // The floor only keeps a JVM able to start at all; above it the heap follows the allocation exactly.
        long heapMiB = Math.max(MIN_HEAP_MIB, TaskHeap.heapBytes(launch.allocation().memoryLimitBytes()) / MIB);
        long cpus = Math.max(1, (launch.allocation().cpuLimitMillicores() + 999) / 1000);
        command.add("-Xmx" + heapMiB + "m");
        command.add("-XX:ActiveProcessorCount=" + cpus);
        // G1 can place a large image array in any free regions; the serial collector needs it to fit the old
        // generation, a fraction of the heap, so a task would run out of memory well under its limit.
        command.add("-XX:+UseG1GC");
        command.add("-cp");
        command.add(tasksClasspath);
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
     * A local task process; its end is read from the process, the last line of its log and, when it ran in a
     * cgroup, the cgroup's counters. Exit code 4 is the task catalog's out-of-memory status: the heap, sized from the
     * memory limit, was too small, which is what an OOM-killed pod means on a cluster, so both are reported as
     * OOMKilled, as is a kill by the kernel at the cgroup's memory limit.
     */
    static final class LocalTask implements RunningTask {
        private final Process process;
        private final String host;
        private final Optional<TaskCgroup> cgroup;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final CompletableFuture<TaskExit> exit;
        private volatile Optional<CgroupUsage> cgroupUsage = Optional.empty();

        LocalTask(Process process, String host, Path logFile, long memoryLimitBytes, Optional<TaskCgroup> cgroup) {
            this.process = process;
            this.host = host;
            this.cgroup = cgroup;
            this.exit = process.onExit().thenApply(p -> {
                Instant endedAt = Instant.now();
                // Read as soon as the process is gone, then removed: on every end, a cancel and a stop too.
                cgroupUsage = cgroup.flatMap(TaskCgroup::finish);
                cgroupUsage.ifPresent(u -> LOG.debugf("task process %d used %s", p.pid(), u));
                TaskExit exit = exit(p.exitValue(), logFile, memoryLimitBytes);
                Optional<ExitRecord> record = ExitRecord.read(ExitRecord.beside(logFile));
                return exit.recorded(record.map(ExitRecord::endedAt).orElse(endedAt), usage(record, cgroupUsage));
            });
        }

        private TaskExit exit(int code, Path logFile, long memoryLimitBytes) {
            if (cancelled.get()) {
                return TaskExit.cancelled(code);
            }
            if (cgroupUsage.map(u -> u.oomKilled(code)).orElse(false)) {
                return TaskExit.outOfMemory(code, "OOMKilled: the kernel killed the task at its memory limit of "
                        + Math.round((double) memoryLimitBytes / MIB) + " MiB");
            }
            return exitOf(code, logFile, memoryLimitBytes);
        }

        /**
         * Each figure from the cgroup where it has one, the kernel seeing the whole process (a killed one too), else
         * from the exit record, the JVM's view of itself; none when neither gives both.
         */
        static TaskUsage usage(Optional<ExitRecord> record, Optional<CgroupUsage> cgroup) {
            Optional<Double> cpu = cgroup.filter(c -> c.cpuSeconds().isPresent())
                    .map(c -> c.cpuSeconds().getAsDouble())
                    .or(() -> record.map(ExitRecord::cpuSeconds));
            Optional<Long> peak = cgroup.filter(c -> c.peakMemoryBytes().isPresent())
                    .map(c -> c.peakMemoryBytes().getAsLong())
                    .or(() -> record.map(ExitRecord::peakMemoryBytes));
            OptionalDouble throttled = cgroup.map(c -> OptionalDouble.of(c.throttledSeconds()))
                    .orElse(OptionalDouble.empty());
            return cpu.isPresent() && peak.isPresent() ? new TaskUsage(cpu.get(), peak.get(), throttled) : null;
        }

        /** The task's cgroup, while it runs; empty when its limits are emulated. */
        Optional<TaskCgroup> cgroup() {
            return cgroup;
        }

        /** What the task's cgroup counted, once the task has ended. */
        Optional<CgroupUsage> cgroupUsage() {
            return cgroupUsage;
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
