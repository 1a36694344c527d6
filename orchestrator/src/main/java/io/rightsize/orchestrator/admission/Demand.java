package io.rightsize.orchestrator.admission;

import io.rightsize.allocation.policy.Bytes;
import io.rightsize.allocation.policy.Capacity;
import io.rightsize.allocation.policy.Quantity;
import io.rightsize.common.messaging.Allocation;
import java.util.ArrayList;
import java.util.List;

/** CPU and memory reserved for tasks: a task's requests, or the sum of the running tasks'. */
public record Demand(long cpuMillicores, long memoryBytes) {

    public static final Demand NONE = new Demand(0, 0);

    /** What a task reserves while it runs: its requests, as a pod's requests count against a node. */
    public static Demand requestsOf(Allocation allocation) {
        return new Demand(allocation.cpuRequestMillicores(), allocation.memoryRequestBytes());
    }

    public static Demand of(Capacity capacity) {
        return new Demand(capacity.cpuMillicores(), capacity.memoryBytes());
    }

    public Demand plus(Demand other) {
        return new Demand(cpuMillicores + other.cpuMillicores, memoryBytes + other.memoryBytes);
    }

    public Demand minus(Demand other) {
        return new Demand(cpuMillicores - other.cpuMillicores, memoryBytes - other.memoryBytes);
    }

    public boolean fitsIn(Demand free) {
        return cpuMillicores <= free.cpuMillicores && memoryBytes <= free.memoryBytes;
    }

    /** What this lacks in {@code free}, as a person reads it: "needs 900m CPU, 400m free". */
    public String shortfall(Demand free) {
        List<String> parts = new ArrayList<>();
        if (cpuMillicores > free.cpuMillicores) {
            parts.add("needs " + Quantity.cpuText(cpuMillicores) + " CPU, " + Quantity.cpuText(Math.max(0,
                    free.cpuMillicores)) + " free");
        }
        if (memoryBytes > free.memoryBytes) {
            parts.add("needs " + Bytes.text(memoryBytes) + " memory, " + Bytes.text(Math.max(0, free.memoryBytes))
                    + " free");
        }
        return String.join("; ", parts);
    }

    @Override
    public String toString() {
        return Quantity.cpuText(cpuMillicores) + " CPU, " + Bytes.text(memoryBytes);
    }
}
