package io.rightsize.cli.prometheus;

import java.util.Locale;

/**
 * The two cAdvisor metrics a container's usage is read from, each turned into one point per step in the unit the
 * CSV traces use, so a backtest reads the same from either source.
 */
public enum UsageMetric {
    /**
     * {@code rate()} of the CPU-seconds counter over {@code [t - step, t]}: the cores used during the step (the
     * increase between the last sample before it and the last in it), in millicores.
     */
    CPU("container_cpu_usage_seconds_total", "cpu_millicores", 1000.0),
    /**
     * The peak working set over {@code (t - step, t]} (a window one millisecond short of the step, so each sample
     * is in one step only), in MiB: the working set is what the kubelet evicts by and what VPA and KRR size from.
     */
    MEMORY("container_memory_working_set_bytes", "memory_mib", 1.0 / (1 << 20));

    private final String metric;
    private final String resource;
    private final double scale;

    UsageMetric(String metric, String resource, double scale) {
        this.metric = metric;
        this.resource = resource;
        this.scale = scale;
    }

    /** The Prometheus metric name. */
    public String metric() {
        return metric;
    }

    /** The trace's resource name, with its unit. */
    public String resource() {
        return resource;
    }

    /** A point of the query in the trace's unit. */
    double toResourceUnit(double value) {
        return value * scale;
    }

    /**
     * One series per container of the namespace's pods; {@code container!=""} leaves out the pod-level cgroup,
     * {@code "POD"} the pause container; {@code max by} keeps one series where several jobs scrape the same one.
     */
    String query(String namespace, long stepSeconds, Grouping grouping) {
        String selector = String.format(Locale.ROOT, "%s{namespace=\"%s\", container!=\"\", container!=\"POD\"}",
                metric, escape(namespace));
        String perStep = switch (this) {
            case CPU -> "rate(" + selector + "[" + stepSeconds + "s])";
            case MEMORY -> "max_over_time(" + selector + "[" + (stepSeconds * 1000 - 1) + "ms])";
        };
        return "max by (" + grouping.byClause() + ") (" + perStep + ")";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
