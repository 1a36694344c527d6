package io.rightsize.orchestrator.cgroup;

import io.rightsize.allocation.policy.Bytes;
import io.rightsize.allocation.policy.Capacity;
import io.rightsize.allocation.policy.Quantity;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How local tasks' allocations are held to, decided once at start, and why: {@code detail} is what the start log
 * and the health check say.
 */
public record Enforcement(Kind kind, String detail, Optional<TaskCgroups> cgroups) {

    /** The ways a task's allocation can be enforced. */
    public enum Kind {
        /** The kernel: each local task in a cgroup limited to its allocation. */
        CGROUPS,
        /** JVM flags only: the heap ceiling and processor count a task's JVM is told. */
        EMULATED,
        /** Tasks run as Kubernetes Jobs: the kubelet puts them in cgroups from their pods' resources. */
        KUBELET
    }

    /**
     * Decides for {@code mode}: cgroups under {@code own} where they can be made and written, else emulation with
     * the reason, or, when cgroups are required, an {@link IllegalStateException} with it.
     */
    public static Enforcement decide(EnforcementMode mode, OwnCgroups own, long selfPid) {
        return decide(mode, own, selfPid, Optional.empty());
    }

    /** As {@link #decide(EnforcementMode, OwnCgroups, long)}, the task cgroups' parents limited to {@code capacity}. */
    public static Enforcement decide(EnforcementMode mode, OwnCgroups own, long selfPid,
                                     Optional<Capacity> capacity) {
        if (mode == EnforcementMode.EMULATED) {
            return emulated("rightsize.orchestrator.enforcement=emulated");
        }
        try {
            TaskCgroups tasks = TaskCgroups.under(own, selfPid, capacity);
            tasks.verify();
            tasks.removeLeftovers();
            return new Enforcement(Kind.CGROUPS, "cgroup " + tasks.version() + " under " + tasks.parents().stream()
                    .map(Path::toString).collect(Collectors.joining(" and ")) + capacity.map(c -> ", limited together"
                    + " to " + Quantity.cpuText(c.cpuMillicores()) + " CPU and " + Bytes.text(c.memoryBytes()))
                    .orElse(""), Optional.of(tasks));
        } catch (CgroupsUnavailable e) {
            if (mode == EnforcementMode.CGROUPS) {
                throw new IllegalStateException("rightsize.orchestrator.enforcement=cgroups, but task cgroups cannot"
                        + " be made: " + e.getMessage() + "; run the orchestrator as root with a writable cgroup"
                        + " hierarchy, or set the enforcement to auto or emulated");
            }
            return emulated(e.getMessage());
        }
    }

    static Enforcement emulated(String why) {
        return new Enforcement(Kind.EMULATED, "emulated (-Xmx from the memory limit, -XX:ActiveProcessorCount from"
                + " the CPU limit): " + why, Optional.empty());
    }

    public static Enforcement kubelet() {
        return new Enforcement(Kind.KUBELET, "tasks run as Kubernetes Jobs; the kubelet enforces their pods' limits",
                Optional.empty());
    }
}
