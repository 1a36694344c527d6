package io.rightsize.cli.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How allocations fared on inputs larger than any the predictor trained on: first-attempt out-of-memory kills,
 * tasks refused for needing more than the maximum, failed orders, and each successful task's memory limit against
 * its true peak (its exit record's).
 *
 * @param limitToPeak each successful task's last memory limit ÷ its true peak, ascending
 */
public record UnseenReport(int orders, int tasks, int firstAttemptOomKills, int refused, List<String> failedOrders,
                           long largestTrainedInputPixels, long largestUnseenInputPixels, double[] limitToPeak) {

    /** The target: at most this share of tasks OOM-killed on their first attempt. */
    public static final double MAX_FIRST_ATTEMPT_OOM = 0.05;
    /** The target: memory limits within this factor of the true peak. */
    public static final double MAX_LIMIT_TO_PEAK = 2;

    public static UnseenReport of(List<OrderReport> trained, List<OrderReport> heldOut) {
        long largestTrained = trained.stream().flatMap(o -> o.tasks().stream()).mapToLong(TaskReport::inputPixels)
                .max().orElse(0);
        long largestUnseen = heldOut.stream().flatMap(o -> o.tasks().stream()).mapToLong(TaskReport::inputPixels)
                .max().orElse(0);
        int tasks = 0;
        int killed = 0;
        int refused = 0;
        List<String> failed = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (OrderReport order : heldOut) {
            if (!order.succeeded()) {
                failed.add(order.id() + ": " + order.state() + (order.reason() == null ? "" : " (" + order.reason()
                        + ")"));
            }
            for (TaskReport task : order.tasks()) {
                tasks++;
                boolean oom = task.reason() != null && task.reason().startsWith("OOMKilled");
                if (task.attempts() > 1 || oom) {
                    killed++;
                }
                if (task.reason() != null && task.reason().startsWith("refused before it started")) {
                    refused++;
                }
                if ("SUCCEEDED".equals(task.state()) && task.peakMemoryBytes() > 0) {
                    ratios.add((double) task.memoryLimitBytes() / task.peakMemoryBytes());
                }
            }
        }
        return new UnseenReport(heldOut.size(), tasks, killed, refused, failed, largestTrained, largestUnseen,
                ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    public double firstAttemptOomShare() {
        return tasks == 0 ? 0 : (double) firstAttemptOomKills / tasks;
    }

    /** The held-out tasks and the summary with each target beside its figure. */
    public void print(List<OrderReport> heldOut, PrintStream out) {
        out.println("held-out orders on inputs larger than any trained (memory limit of the last attempt against the"
                + " true peak):");
        out.printf("  %-22s %-10s %9s %10s %10s %7s %8s  %s%n", "order", "task", "input MP", "limit MiB", "peak MiB",
                "ratio", "attempts", "end");
        for (OrderReport order : heldOut) {
            for (TaskReport t : order.tasks()) {
                out.printf(Locale.ROOT, "  %-22s %-10s %9.1f %10d %10d %7s %8d  %s%n", order.id(),
                        t.position() + " " + t.service(), t.inputPixels() / 1e6, t.memoryLimitBytes() >> 20,
                        t.peakMemoryBytes() >> 20, t.peakMemoryBytes() > 0 ? String.format(Locale.ROOT, "%.2f",
                                (double) t.memoryLimitBytes() / t.peakMemoryBytes()) : "-", t.attempts(),
                        t.state() + (t.reason() == null ? "" : ": " + t.reason()));
            }
        }
        out.printf(Locale.ROOT, "  inputs up to %.1f MP, %.1fx the largest trained input (%.1f MP)%n",
                largestUnseenInputPixels / 1e6, largestTrainedInputPixels == 0 ? 0
                        : (double) largestUnseenInputPixels / largestTrainedInputPixels,
                largestTrainedInputPixels / 1e6);
        out.printf(Locale.ROOT, "  first-attempt OOM kills: %d of %d tasks (%.1f%%; target <= %.0f%%)%n",
                firstAttemptOomKills, tasks, 100 * firstAttemptOomShare(), 100 * MAX_FIRST_ATTEMPT_OOM);
        out.printf(Locale.ROOT, "  refused before starting (needed more than the maximum): %d%n", refused);
        out.printf(Locale.ROOT, "  failed orders: %d of %d (target: none that fits the maximum)%s%n",
                failedOrders.size(), orders, failedOrders.isEmpty() ? "" : ": " + String.join("; ", failedOrders));
        if (limitToPeak.length > 0) {
            out.printf(Locale.ROOT, "  memory limit / true peak: median %.2f, max %.2f, min %.2f (target <= %.1f)%n",
                    limitToPeak[limitToPeak.length / 2], limitToPeak[limitToPeak.length - 1], limitToPeak[0],
                    MAX_LIMIT_TO_PEAK);
        }
    }
}
