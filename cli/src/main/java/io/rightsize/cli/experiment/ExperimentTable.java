package io.rightsize.cli.experiment;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The arms side by side, as the command prints them. */
public final class ExperimentTable {

    private ExperimentTable() {
    }

    public static void print(List<ArmResult> arms, PrintStream out) {
        out.printf(Locale.ROOT, "%-13s %9s %8s %21s %5s %19s %5s %4s %10s %6s %13s%n", "arm", "makespan",
                "orders/h", "memory GiB-s res/used", "util", "CPU-s reserved/used", "util", "OOM", "throttled",
                "failed", "wait p50/p95");
        for (ArmResult a : arms) {
            out.printf(Locale.ROOT, "%-13s %8.0fs %8.0f %10.0f/%-10.0f %5.2f %9.0f/%-9.0f %5.2f %4d %9.1fs %6d %6.1f/%-6.1f%n",
                    a.name(), a.makespanSeconds(), a.ordersPerHour(), a.reservedMemoryGiBSeconds(),
                    a.usedMemoryGiBSeconds(), a.memoryUtilisation(), a.reservedCpuSeconds(), a.usedCpuSeconds(),
                    a.cpuUtilisation(), a.oomKills(), a.throttledCpuSeconds(), a.failedOrders(),
                    a.queueWaitP50Seconds(), a.queueWaitP95Seconds());
        }
    }
}
