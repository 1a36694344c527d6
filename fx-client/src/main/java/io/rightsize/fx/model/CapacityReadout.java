package io.rightsize.fx.model;

import io.rightsize.allocation.policy.Bytes;
import io.rightsize.allocation.policy.Quantity;
import io.rightsize.api.v1.CapacityStatus;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The task capacity as the Stack tab shows it: a summary line (task counts, or why there is nothing to show), a
 * gauge per resource when the orchestrator admits tasks itself, and where the capacity and its enforcement come
 * from. Worded like {@code ./rightsize status --capacity}.
 */
public record CapacityReadout(String summary, Optional<CapacityGauge> cpu, Optional<CapacityGauge> memory,
                              String basis, String enforcement) {

    private static final String NOT_MEASURED = ", used now not measured (limits emulated)";

    public static CapacityReadout notConnected() {
        return message("not connected: start the embedded stack or connect to see the task capacity");
    }

    /** The orchestrator did not answer GetCapacity; {@code why} is the call's status and description. */
    public static CapacityReadout unreachable(String orchestrator, String why) {
        return message("orchestrator " + orchestrator + " unreachable (" + why
                + "); the capacity shows again when it answers");
    }

    /** An orchestrator from before capacity-aware admission: it admits every task at once. */
    public static CapacityReadout unsupported(String orchestrator) {
        return message("orchestrator " + orchestrator + " does not report a task capacity (GetCapacity unimplemented)");
    }

    public static CapacityReadout of(CapacityStatus c) {
        String tasks = c.getRunningTasks() + " running, " + c.getWaitingTasks() + " waiting";
        if (!c.getAdmission()) {
            return new CapacityReadout("admission off: the cluster's scheduler admits tasks (" + tasks + ")",
                    Optional.empty(), Optional.empty(), c.getBasis(), c.getEnforcement());
        }
        OptionalDouble usedCpu = c.getUsedKnown() ? OptionalDouble.of(c.getUsedCpuMillicores())
                : OptionalDouble.empty();
        OptionalDouble usedMemory = c.getUsedKnown() ? OptionalDouble.of(c.getUsedMemoryBytes())
                : OptionalDouble.empty();
        String cpuText = share(cpu(c.getReservedCpuMillicores()), cpu(c.getCpuMillicores()),
                c.getReservedCpuMillicores(), c.getCpuMillicores())
                + (c.getUsedKnown() ? ", used now " + cpu(c.getUsedCpuMillicores()) : NOT_MEASURED);
        String memoryText = share(Bytes.text(c.getReservedMemoryBytes()), Bytes.text(c.getMemoryBytes()),
                c.getReservedMemoryBytes(), c.getMemoryBytes())
                + (c.getUsedKnown() ? ", used now " + Bytes.text(c.getUsedMemoryBytes()) : NOT_MEASURED);
        return new CapacityReadout(tasks,
                Optional.of(CapacityGauge.of(cpuText, c.getCpuMillicores(), c.getReservedCpuMillicores(), usedCpu)),
                Optional.of(CapacityGauge.of(memoryText, c.getMemoryBytes(), c.getReservedMemoryBytes(), usedMemory)),
                c.getBasis(), c.getEnforcement());
    }

    private static CapacityReadout message(String summary) {
        return new CapacityReadout(summary, Optional.empty(), Optional.empty(), "", "");
    }

    private static String share(String reserved, String capacity, long reservedAmount, long capacityAmount) {
        long percent = capacityAmount <= 0 ? 0 : Math.round(100.0 * reservedAmount / capacityAmount);
        return "reserved " + reserved + " of " + capacity + " (" + percent + "%)";
    }

    private static String cpu(long millicores) {
        return Quantity.cpuText(millicores) + " CPU";
    }
}
