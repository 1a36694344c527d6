package io.rightsize.orchestrator.admission;

import io.rightsize.allocation.policy.Bytes;
import io.rightsize.allocation.policy.Capacity;
import io.rightsize.allocation.policy.Quantity;
import io.rightsize.orchestrator.config.OrchestratorConfig.CapacitySettings;

/**
 * What all local tasks together may reserve, and where the figure comes from ({@code basis}, said at start): the
 * settings, else this machine less what the stack itself needs, as a node's allocatable is its capacity less the
 * system's reserve.
 */
public record TaskCapacity(Capacity capacity, String basis) {

    /** Below this share of the machine a default capacity is not cut, however large the reserve. */
    private static final double MIN_SHARE = 0.5;

    /** From the settings, each figure configured or this {@code machine}'s less its reserve. */
    public static TaskCapacity of(CapacitySettings settings, Capacity machine) {
        long cpu = settings.cpu().map(c -> parse(() -> Quantity.cpuMillicores(c), "cpu"))
                .orElseGet(() -> lessReserve(machine.cpuMillicores(),
                        parse(() -> Quantity.cpuMillicores(settings.reserveCpu()), "reserve-cpu")));
        long memory = settings.memory().map(m -> parse(() -> Quantity.memoryBytes(m), "memory"))
                .orElseGet(() -> lessReserve(machine.memoryBytes(),
                        parse(() -> Quantity.memoryBytes(settings.reserveMemory()), "reserve-memory")));
        String basis;
        if (settings.cpu().isPresent() && settings.memory().isPresent()) {
            basis = "configured";
        } else {
            basis = (settings.cpu().isPresent() || settings.memory().isPresent() ? "partly configured; " : "")
                    + "this machine's " + Quantity.cpuText(machine.cpuMillicores()) + " CPU and "
                    + Bytes.text(machine.memoryBytes()) + " less " + settings.reserveCpu() + " and "
                    + settings.reserveMemory() + " kept for the stack";
        }
        return new TaskCapacity(new Capacity(cpu, memory), basis);
    }

    /** The machine's figure less its reserve, never under half the machine. */
    static long lessReserve(long machine, long reserve) {
        return Math.max(machine - reserve, (long) (machine * MIN_SHARE));
    }

    private static long parse(java.util.function.LongSupplier parse, String key) {
        try {
            return parse.getAsLong();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rightsize.orchestrator.capacity." + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return Quantity.cpuText(capacity.cpuMillicores()) + " CPU and " + Bytes.text(capacity.memoryBytes())
                + " memory (" + basis + ")";
    }
}
