package io.rightsize.producer.sampling;

import io.quarkus.runtime.StartupEvent;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.producer.cgroup.CgroupReader;
import io.rightsize.producer.cgroup.ProcessCgroups;
import io.rightsize.producer.config.ProbeMode;
import io.rightsize.producer.config.ProducerConfig;
import io.rightsize.producer.config.SampledHost;
import io.rightsize.tasks.TaskProcesses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Local tasks, started on this host: a task in a cgroup of its own (the orchestrator's enforcement) is read from it
 * with the reader task pods use; otherwise the process's counters from /proc (OSHI where /proc is not Linux's).
 */
@ApplicationScoped
public class LocalProcessProbe implements TaskProbe {

    /** A task's process started within this long of its STARTED event; a pid reused later is another process. */
    private static final long SAME_PROCESS_MILLIS = 10_000;
    private static final long EXEC_SETTLE_NANOS = 2_000_000_000L;

    private static final Logger LOG = Logger.getLogger(LocalProcessProbe.class);
    private static final Path PROC = Path.of("/proc");
    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

    private final OperatingSystem os = new SystemInfo().getOperatingSystem();
    private final Optional<ProcFiles> procFiles = ProcFiles.available(PROC)
            ? Optional.of(new ProcFiles(PROC, new SystemInfo().getHardware().getMemory().getPageSize()))
            : Optional.empty();
    private final String host;
    private final boolean active;

    public LocalProcessProbe(ProducerConfig config) {
        this.host = SampledHost.localHost(config);
        this.active = config.mode() == ProbeMode.LOCAL;
    }

    /** OSHI's first read loads native access and takes over a second; pay that before the service is ready. */
    void warmUp(@Observes StartupEvent event) {
        if (active) {
            read(ProcessHandle.current().pid());
        }
    }

    @Override
    public boolean ranHere(TaskEvent event) {
        return event.pid() != null && event.pid() > 0 && host.equals(event.host());
    }

    /** A live pid of this host that runs no task of the event's service is refused; a gone one is a task that ended. */
    @Override
    public Optional<String> refusal(TaskEvent started) {
        if (!ranHere(started)) {
            return Optional.empty();
        }
        return ProcessHandle.of(started.pid()).filter(p -> !runsTask(p, started.service(), started.timestamp()))
                .filter(ProcessHandle::isAlive)
                .map(p -> "process " + p.pid() + " on " + host + " runs no " + started.service()
                        + " task: only task processes the orchestrator launched are sampled");
    }

    /**
     * Asked again for a moment when the answer is no and the process started with the event: it may still be the
     * JDK's spawn helper, before it becomes the task's JVM. Any other process is refused at once, so a burst of
     * forged events cannot hold up real ones.
     */
    private static boolean runsTask(ProcessHandle process, String service, java.time.Instant eventTime) {
        boolean justStarted = process.info().startInstant()
                .map(s -> Math.abs(s.toEpochMilli() - eventTime.toEpochMilli()) < SAME_PROCESS_MILLIS).orElse(false);
        long deadline = System.nanoTime() + (justStarted ? EXEC_SETTLE_NANOS : 0);
        while (!TaskProcesses.runsService(process, service)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public Attachment attach(TaskEvent started) {
        if (started.pid() == null || !host.equals(started.host())) {
            return new Attachment.NotHere("started on " + started.host() + ", this is " + host);
        }
        long pid = started.pid();
        Optional<Long> start = startMillis(pid)
                .filter(s -> Math.abs(s - started.timestamp().toEpochMilli()) < SAME_PROCESS_MILLIS);
        if (start.isEmpty()) {
            return new Attachment.NotHere("process " + pid + " is gone or is another process");
        }
        ProcessSnapshot origin = new ProcessSnapshot(start.get(), 0, 0, 0, 0);
        return new Attachment.Attached(new TaskSource() {
            private Optional<CgroupReader> cgroup = Optional.empty();

            @Override
            public ProcessSnapshot origin() {
                return origin;
            }

            @Override
            public Optional<ProcessSnapshot> read() {
                Optional<ProcessSnapshot> process = LocalProcessProbe.this.read(pid);
                if (process.isEmpty()) {
                    return process;
                }
                if (cgroup.isEmpty()) {
                    // Looked for until found: the task enters its cgroup just before its JVM starts.
                    cgroup = taskCgroup(pid, started.taskId());
                }
                return Optional.of(cgroup.flatMap(c -> readCgroup(c, process.get())).orElse(process.get()));
            }
        });
    }

    /** The task's own cgroup, where the orchestrator enforces its limits with one; empty where they are emulated. */
    private Optional<CgroupReader> taskCgroup(long pid, long taskId) {
        if (!Files.isDirectory(CGROUP_ROOT)) {
            return Optional.empty();
        }
        try {
            return ProcessCgroups.ofTask(CGROUP_ROOT, PROC, pid, taskId);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("cannot find the cgroup of task process %d: %s", pid, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * CPU, the working set, throttling and OOM kills as the task's cgroup counts them (as a pod's are read); disk
     * from the process itself, since a v1 blkio hierarchy has no cgroup per task and a v2 one may lack the io
     * controller. Empty when the cgroup is already gone (the task ended between the two reads).
     */
    private static Optional<ProcessSnapshot> readCgroup(CgroupReader cgroup, ProcessSnapshot process) {
        try {
            return Optional.of(cgroup.snapshot(process.wallMillis())
                    .withDisk(process.bytesRead(), process.bytesWritten()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The process's counters now, or empty when it has gone: from /proc directly on Linux, else through OSHI. */
    public Optional<ProcessSnapshot> read(long pid) {
        if (procFiles.isPresent()) {
            try {
                return procFiles.get().read(pid);
            } catch (IOException | RuntimeException e) {
                // An unexpected layout: OSHI below knows more of them.
            }
        }
        OSProcess process = os.getProcess((int) pid);
        if (process == null || process.getState() == OSProcess.State.INVALID) {
            return Optional.empty();
        }
        return Optional.of(new ProcessSnapshot(System.currentTimeMillis(),
                process.getKernelTime() + process.getUserTime(), process.getResidentMemory(),
                process.getBytesRead(), process.getBytesWritten()));
    }

    /** When the process started (epoch ms), to tell a task's process from a later one that reused its pid. */
    Optional<Long> startMillis(long pid) {
        OSProcess process = os.getProcess((int) pid);
        return process == null ? Optional.empty() : Optional.of(process.getStartTime());
    }
}
