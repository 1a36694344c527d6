package io.rightsize.producer.kubernetes;

import io.rightsize.producer.cgroup.CgroupReader;
import io.rightsize.producer.cgroup.NetDev;
import io.rightsize.producer.sampling.NetworkCounters;
import io.rightsize.producer.sampling.ProcessSnapshot;
import io.rightsize.producer.sampling.TaskSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A task container's counters from its cgroup, and its pod's network counters from the network namespace of a
 * process in it (all containers of a pod share one). The cgroup disappears when the container ends: the task is gone.
 */
final class PodSource implements TaskSource {

    private final CgroupReader cgroup;
    private final Path procRoot;
    private final ProcessSnapshot origin;

    PodSource(CgroupReader cgroup, Path procRoot, long startMillis) {
        this.cgroup = cgroup;
        this.procRoot = procRoot;
        this.origin = new ProcessSnapshot(startMillis, 0, 0, 0, 0, NetworkCounters.ZERO);
    }

    @Override
    public ProcessSnapshot origin() {
        return origin;
    }

    @Override
    public Optional<ProcessSnapshot> read() throws IOException {
        ProcessSnapshot snapshot;
        try {
            snapshot = cgroup.snapshot(System.currentTimeMillis());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(snapshot.withNetwork(network().orElse(null)));
    }

    /**
     * Empty between the container's last process exiting and its cgroup being removed, and when the producer does
     * not share the host's pid namespace (cgroup.procs then shows the container's pids as 0).
     */
    private Optional<NetworkCounters> network() throws IOException {
        try {
            Optional<String> pid = Files.readAllLines(cgroup.processes(), StandardCharsets.US_ASCII).stream()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.equals("0")).findFirst();
            if (pid.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(NetDev.read(procRoot.resolve(pid.get()).resolve("net").resolve("dev")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
