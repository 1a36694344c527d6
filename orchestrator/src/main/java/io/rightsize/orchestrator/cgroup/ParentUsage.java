package io.rightsize.orchestrator.cgroup;

import java.util.OptionalDouble;

/** What all task cgroups together use now: the working set, and CPU seconds so far where the hierarchy counts them. */
public record ParentUsage(long workingSetBytes, OptionalDouble cpuSeconds) {
}
