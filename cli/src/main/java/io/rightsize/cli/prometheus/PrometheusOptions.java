package io.rightsize.cli.prometheus;

import io.rightsize.allocation.trace.Series;
import io.rightsize.cli.command.StepDuration;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Option;

/** Where {@code backtest} and {@code recommend} read usage from when it is Prometheus rather than a file. */
public final class PrometheusOptions {

    @Option(names = "--prometheus", required = true, paramLabel = "URL", description = {"Read usage from this"
            + " Prometheus (e.g. http://prometheus:9090): rate(container_cpu_usage_seconds_total) and"
            + " container_memory_working_set_bytes per container, one series per workload/container."})
    URI url;

    @Option(names = "--namespace", required = true, paramLabel = "NS", description = "With --prometheus: the"
            + " namespace whose containers to read.")
    String namespace;

    @Option(names = "--since", defaultValue = "7d", paramLabel = "DURATION", converter = StepDuration.class,
            description = "With --prometheus: how far back to read, e.g. 24h, 7d (default: ${DEFAULT-VALUE}).")
    Duration since = Duration.ofDays(7);

    @Option(names = "--resolution", defaultValue = "1m", paramLabel = "DURATION", converter = StepDuration.class,
            description = {"With --prometheus: the spacing of the samples read (the query step), in whole seconds."
                    + " CPU is the rate over each step, which needs two scrapes in it: make it at least twice the"
                    + " scrape interval (once it only where scrapes fall on its multiples) (default: ${DEFAULT-VALUE})."})
    Duration resolution = Duration.ofMinutes(1);

    @Option(names = "--group-by", paramLabel = "LABEL", description = {"With --prometheus: group containers by this"
            + " label's value instead of by the pod's owner (the pod name without its ReplicaSet, Job or"
            + " StatefulSet suffix)."})
    String groupBy;

    /**
     * The steps of the last {@code --since} up to {@code now}.
     *
     * @throws IllegalArgumentException for a resolution that is not whole seconds, or a window shorter than it
     */
    public QueryRange range(Instant now) {
        return QueryRange.last(since, resolution, now);
    }

    /**
     * The series of {@code range}.
     *
     * @throws IllegalArgumentException for a {@code --group-by} that is not a label name
     * @throws PrometheusException when Prometheus cannot be asked or has no such series
     */
    public List<Series> read(QueryRange range) throws PrometheusException {
        Grouping grouping = groupBy == null ? Grouping.byPodOwner() : Grouping.byLabel(groupBy);
        return new PrometheusSource(url).read(namespace, range, grouping);
    }

    /** What the series came from, for reports. */
    public String describe(QueryRange range) {
        return url + " namespace " + namespace + ", " + range;
    }
}
