package io.rightsize.cli.prometheus;

import io.rightsize.allocation.trace.Series;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A namespace's container usage from Prometheus as backtest series: one per workload, container and resource,
 * named {@code workload/container}; where several pods of a workload ran at once (replicas, a rollout), each step
 * takes the busiest, since every replica gets the same requests. Each query asks for at most
 * {@link QueryRange#MAX_POINTS} points per series, longer ranges in several.
 */
public final class PrometheusSource {

    private final PrometheusClient client;
    private final int maxPointsPerQuery;

    public PrometheusSource(URI url) {
        this(url, QueryRange.MAX_POINTS);
    }

    PrometheusSource(URI url, int maxPointsPerQuery) {
        this.client = new PrometheusClient(url);
        this.maxPointsPerQuery = maxPointsPerQuery;
    }

    /**
     * CPU series first, then memory, each by name.
     *
     * @throws PrometheusException when Prometheus cannot be reached, refuses a query, or has no series of a metric
     */
    public List<Series> read(String namespace, QueryRange range, Grouping grouping) throws PrometheusException {
        List<Series> series = new ArrayList<>();
        for (UsageMetric metric : UsageMetric.values()) {
            series.addAll(read(metric, namespace, range, grouping));
        }
        return series;
    }

    private List<Series> read(UsageMetric metric, String namespace, QueryRange range, Grouping grouping)
            throws PrometheusException {
        String query = metric.query(namespace, range.stepSeconds(), grouping);
        Map<String, TreeMap<Long, Double>> byName = new TreeMap<>();
        for (QueryRange chunk : range.chunks(maxPointsPerQuery)) {
            for (RangeSeries s : client.queryRange(query, chunk)) {
                String name = grouping.workload(s.labels()) + "/" + s.labels().getOrDefault("container", "");
                if (s.timestamps().length == 0) {
                    continue;
                }
                TreeMap<Long, Double> points = byName.computeIfAbsent(name, n -> new TreeMap<>());
                for (int i = 0; i < s.timestamps().length; i++) {
                    points.merge(s.timestamps()[i], metric.toResourceUnit(s.values()[i]), Math::max);
                }
            }
        }
        if (byName.isEmpty()) {
            throw new PrometheusException("Prometheus at " + client.base() + " has no " + metric.metric()
                    + " series in namespace '" + namespace + "' from " + range + " (query: " + query
                    + "); check the namespace, and that Prometheus scrapes the kubelets' cAdvisor");
        }
        List<Series> series = new ArrayList<>();
        byName.forEach((name, points) -> series.add(new Series(name, metric.resource(),
                points.keySet().stream().mapToLong(Long::longValue).toArray(),
                points.values().stream().mapToDouble(Double::doubleValue).toArray())));
        return series;
    }
}
