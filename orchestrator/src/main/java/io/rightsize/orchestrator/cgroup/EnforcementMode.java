package io.rightsize.orchestrator.cgroup;

/** {@code rightsize.orchestrator.enforcement}: how a local task's allocation is held to. */
public enum EnforcementMode {
    /** cgroups where they can be written, else emulation, with the reason logged. */
    AUTO,
    /** cgroups or no start: the orchestrator refuses to start, with the reason, where they cannot be written. */
    CGROUPS,
    /** JVM flags only (-Xmx from the memory limit, -XX:ActiveProcessorCount from the CPU limit), as before cgroups. */
    EMULATED
}
