package io.rightsize.cli.prometheus;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.LongToDoubleFunction;

/**
 * A namespace's container usage with a fixed seed, one sample a minute, written twice: as the long-format trace a
 * backtest reads, and as the cAdvisor metrics (a CPU-seconds counter, a working-set gauge) a Prometheus is backfilled
 * from. The two agree exactly: each minute's CPU is the counter's increase over that minute (a multiple of 1/1024 s,
 * so the sums are exact) divided by 60 s, and the counter of every container starts at 0 one minute before its first
 * sample, so its first minute has a rate too. Memory is whole bytes, in MiB in the trace.
 */
public final class GeneratedUsage {

    public static final String NAMESPACE = "shop";
    static final long INTERVAL_SECONDS = 60;

    /** One container of one pod, running from sample {@code from} (inclusive) to {@code to} (exclusive). */
    record Run(String pod, String workload, String container, int from, int to, double cpuMillicores,
               double memoryMib, long seed) {
    }

    private final long firstSecond;
    private final List<Run> runs;
    private final Map<Run, long[]> cpuIncrements = new LinkedHashMap<>();
    private final Map<Run, long[]> memoryBytes = new LinkedHashMap<>();

    /**
     * {@code samples} minutes ending two minutes before {@code now}: a Deployment {@code api} (containers api and
     * envoy) rolled out to a new ReplicaSet after 49.5 % of the trace, its two pods overlapping for five minutes; a
     * StatefulSet pod {@code db-0}; a DaemonSet pod {@code node-agent-k8s2x}.
     */
    public GeneratedUsage(int samples, Instant now) {
        this.firstSecond = (now.getEpochSecond() / INTERVAL_SECONDS - 2 - (samples - 1)) * INTERVAL_SECONDS;
        int rollout = samples / 2;
        this.runs = List.of(
                new Run("api-7d9f8b6c5d-x2k4p", "api", "api", 0, rollout, 250, 300, 1),
                new Run("api-5c8d7f9b4-q7w2z", "api", "api", rollout - 5, samples, 260, 320, 2),
                new Run("api-7d9f8b6c5d-x2k4p", "api", "envoy", 0, rollout, 40, 60, 3),
                new Run("api-5c8d7f9b4-q7w2z", "api", "envoy", rollout - 5, samples, 40, 62, 4),
                new Run("db-0", "db", "postgres", 0, samples, 500, 800, 5),
                new Run("node-agent-k8s2x", "node-agent", "agent", 0, samples, 20, 50, 6));
        for (Run run : runs) {
            Random random = new Random(run.seed());
            long[] cpu = new long[run.to() - run.from()];
            long[] memory = new long[cpu.length];
            for (int i = 0; i < cpu.length; i++) {
                double progress = (double) i / cpu.length;
                double cpuMillicores = run.cpuMillicores() * (0.4 + 1.2 * random.nextDouble())
                        * (1 + 0.3 * Math.sin(2 * Math.PI * progress * 4));
                cpu[i] = Math.round(cpuMillicores / 1000 * INTERVAL_SECONDS * 1024);
                double mib = run.memoryMib() * (1 + 0.2 * progress) * (1 + 0.02 * random.nextGaussian());
                memory[i] = Math.round(mib * (1 << 20));
            }
            cpuIncrements.put(run, cpu);
            memoryBytes.put(run, memory);
        }
    }

    /** The trace: CPU series by name, then memory series by name, as the Prometheus source returns them. */
    public Path writeTrace(Path csv) throws IOException {
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("timestamp,service,resource,value\n");
            write(out, "cpu_millicores", cpuIncrements, increment -> increment / 1024.0 / INTERVAL_SECONDS * 1000.0);
            write(out, "memory_mib", memoryBytes, bytes -> bytes / 1048576.0);
        }
        return csv;
    }

    /**
     * The same usage as cAdvisor exposes it, with decoys the source must leave out: the pod-level cgroup
     * ({@code container=""}), the pause container ({@code POD}) and another namespace.
     */
    public Path writeOpenMetrics(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# TYPE container_cpu_usage_seconds counter\n");
            for (Run run : runs) {
                long[] increments = cpuIncrements.get(run);
                for (Labels labels : labelSets(run)) {
                    long cumulative = 0;
                    sample(out, "container_cpu_usage_seconds_total", labels, "0", run.from() - 1);
                    for (int i = 0; i < increments.length; i++) {
                        cumulative += increments[i] * labels.factor();
                        sample(out, "container_cpu_usage_seconds_total", labels,
                                new BigDecimal(cumulative / 1024.0).toPlainString(), run.from() + i);
                    }
                }
            }
            out.write("# TYPE container_memory_working_set_bytes gauge\n");
            for (Run run : runs) {
                long[] bytes = memoryBytes.get(run);
                for (Labels labels : labelSets(run)) {
                    for (int i = 0; i < bytes.length; i++) {
                        sample(out, "container_memory_working_set_bytes", labels,
                                Long.toString(bytes[i] * labels.factor()), run.from() + i);
                    }
                }
            }
            out.write("# EOF\n");
        }
        return file;
    }

    /** One series' labels; {@code factor} scales its usage, so a decoy let through changes what is read. */
    private record Labels(String namespace, String pod, String container, int factor) {
    }

    /** The container's own labels, and for db-0 the decoys at three times its usage. */
    private static List<Labels> labelSets(Run run) {
        List<Labels> sets = new ArrayList<>();
        sets.add(new Labels(NAMESPACE, run.pod(), run.container(), 1));
        if (run.pod().equals("db-0")) {
            sets.add(new Labels(NAMESPACE, run.pod(), "", 3));
            sets.add(new Labels(NAMESPACE, run.pod(), "POD", 3));
            sets.add(new Labels("other", run.pod(), run.container(), 3));
        }
        return sets;
    }

    private void sample(Writer out, String metric, Labels labels, String value, int index) throws IOException {
        out.write(String.format(Locale.ROOT, "%s{namespace=\"%s\",pod=\"%s\",container=\"%s\",image=\"x\"} %s %d%n",
                metric, labels.namespace(), labels.pod(), labels.container(), value, second(index)));
    }

    private long second(int index) {
        return firstSecond + index * INTERVAL_SECONDS;
    }

    private void write(Writer out, String resource, Map<Run, long[]> perRun, LongToDoubleFunction unit)
            throws IOException {
        Map<String, TreeMap<Integer, Double>> byName = new TreeMap<>();
        perRun.forEach((run, values) -> {
            TreeMap<Integer, Double> points = byName.computeIfAbsent(run.workload() + "/" + run.container(),
                    n -> new TreeMap<>());
            for (int i = 0; i < values.length; i++) {
                // Two pods of a workload at once (the rollout): the busier one, as the source takes.
                points.merge(run.from() + i, unit.applyAsDouble(values[i]), Math::max);
            }
        });
        for (Map.Entry<String, TreeMap<Integer, Double>> series : byName.entrySet()) {
            for (Map.Entry<Integer, Double> point : series.getValue().entrySet()) {
                out.write(second(point.getKey()) + "," + series.getKey() + "," + resource + ","
                        + Double.toString(point.getValue()) + "\n");
            }
        }
    }
}
