package io.rightsize.producer.sampling;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/** Reads a process's counters through OSHI (/proc on Linux): CPU time, resident memory, bytes read and written. */
@ApplicationScoped
public class ProcessProbe {

    private final OperatingSystem os = new SystemInfo().getOperatingSystem();

    /** OSHI's first read loads native access and takes over a second; pay that before the service is ready. */
    void warmUp(@Observes StartupEvent event) {
        read(ProcessHandle.current().pid());
    }

    /** The process's counters now, or empty when it has gone. */
    public Optional<ProcessSnapshot> read(long pid) {
        OSProcess process = os.getProcess((int) pid);
        if (process == null || process.getState() == OSProcess.State.INVALID) {
            return Optional.empty();
        }
        return Optional.of(new ProcessSnapshot(System.currentTimeMillis(),
                process.getKernelTime() + process.getUserTime(), process.getResidentMemory(),
                process.getBytesRead(), process.getBytesWritten()));
    }

    /** When the process started (epoch ms), to tell a task's process from a later one that reused its pid. */
    public Optional<Long> startMillis(long pid) {
        OSProcess process = os.getProcess((int) pid);
        return process == null ? Optional.empty() : Optional.of(process.getStartTime());
    }
}
