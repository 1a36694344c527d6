package io.rightsize.orchestrator.cgroup;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a task's cgroup counted over the task's whole run, read once it ended: the kernel's view of every page and
 * CPU second charged to the task, where the task's exit record holds only what its JVM saw of itself (and nothing
 * when the kernel killed it). Empty where this kernel does not keep the count ({@code memory.peak} came with Linux
 * 5.19, the v1 {@code oom_kill} count with 4.13; CPU time needs the cpuacct controller on v1).
 *
 * @param periods CFS periods in which the task could run
 * @param throttledPeriods of those, periods in which it used up its quota and waited
 */
public record CgroupUsage(OptionalLong oomKills, OptionalDouble cpuSeconds, OptionalLong peakMemoryBytes,
                          long periods, long throttledPeriods, double throttledSeconds) {

    /** How a process killed by SIGKILL, the OOM killer's signal, exits as Java sees it. */
    static final int SIGKILL_EXIT = 128 + 9;

    /** Whether the kernel OOM-killed the task: by its count; where it keeps none, a SIGKILL is taken to mean so. */
    public boolean oomKilled(int exitCode) {
        return oomKills.isPresent() ? oomKills.getAsLong() > 0 : exitCode == SIGKILL_EXIT;
    }
}
