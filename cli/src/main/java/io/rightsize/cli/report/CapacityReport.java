package io.rightsize.cli.report;

import io.rightsize.allocation.policy.Bytes;
import io.rightsize.allocation.policy.Quantity;
import io.rightsize.api.v1.CapacityStatus;

/** The task capacity as one line a person reads: what tasks may reserve, what they reserve and use now, who waits. */
public final class CapacityReport {

    private CapacityReport() {
    }

    public static String line(CapacityStatus c) {
        if (!c.getAdmission()) {
            return "capacity: the cluster's scheduler admits tasks (" + c.getEnforcement() + ")";
        }
        StringBuilder s = new StringBuilder("capacity ").append(cpu(c.getCpuMillicores())).append(", ")
                .append(Bytes.text(c.getMemoryBytes())).append(" (").append(c.getBasis()).append("); reserved ")
                .append(cpu(c.getReservedCpuMillicores())).append(", ").append(Bytes.text(c.getReservedMemoryBytes()))
                .append(" by ").append(c.getRunningTasks()).append(c.getRunningTasks() == 1 ? " task" : " tasks");
        if (c.getUsedKnown()) {
            s.append("; used now ").append(cpu(c.getUsedCpuMillicores())).append(", ")
                    .append(Bytes.text(c.getUsedMemoryBytes()));
        }
        return s.append("; ").append(c.getWaitingTasks()).append(" waiting").toString();
    }

    private static String cpu(long millicores) {
        return Quantity.cpuText(millicores) + " CPU";
    }
}
