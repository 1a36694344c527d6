package io.rightsize.cli.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints orders as a per-task table: duration, samples, CPU and memory min/avg/max from the samples, and the true
 * peak memory from the task's exit record (a 1 s sample can miss a short peak, or a short task altogether).
 */
public final class TaskTable {

    private static final String ROW = "%-22s %-3s %-10s %-10s %9s %7s %22s %22s %8s%n";

    private TaskTable() {
    }

    public static void print(List<OrderReport> orders, PrintStream out) {
        out.printf(Locale.ROOT, ROW, "order", "#", "service", "state", "duration", "samples",
                "CPU m (min/avg/max)", "memory MiB (min/avg/max)", "peak MiB");
        for (OrderReport order : orders) {
            for (TaskReport task : order.tasks()) {
                out.printf(Locale.ROOT, ROW, order.id(), task.position(), task.service(), task.state(),
                        String.format(Locale.ROOT, "%.1f s", task.durationSeconds()), task.samples(),
                        triple(task.usage().get("cpu_millicores"), 1),
                        triple(task.usage().get("memory_bytes"), 1024 * 1024),
                        task.peakMemoryBytes() == 0 ? "-" : Long.toString(task.peakMemoryBytes() >> 20));
            }
            out.printf(Locale.ROOT, "%-22s     order %s%s%n", order.id(), order.state(),
                    order.reason() == null ? "" : ": " + order.reason());
        }
    }

    private static String triple(ResourceUsage usage, double unit) {
        if (usage == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0f/%.0f/%.0f", usage.min() / unit, usage.avg() / unit,
                usage.max() / unit);
    }
}
