package io.rightsize.cli.prometheus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.allocation.trace.Series;
import io.rightsize.allocation.trace.TraceReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source against a real Prometheus backfilled with generated usage: it reads back the trace it was made from. */
class PrometheusSourceTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    static Path dir;
    private static PrometheusServer prometheus;
    private static List<Series> trace;

    @BeforeAll
    static void startPrometheus() throws Exception {
        GeneratedUsage usage = new GeneratedUsage(1000, Instant.now());
        trace = TraceReader.read(usage.writeTrace(dir.resolve("usage.csv")));
        prometheus = PrometheusServer.start(usage.writeOpenMetrics(dir.resolve("usage.om")), dir);
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void readsEachWorkloadsContainersBackAsTheTraceItWasMadeFrom() throws Exception {
        List<Series> read = new PrometheusSource(prometheus.url()).read(GeneratedUsage.NAMESPACE,
                QueryRange.last(Duration.ofDays(7), MINUTE, Instant.now()), Grouping.byPodOwner());

        assertSameSeries(trace, read);
        assertEquals(List.of("api/api", "api/envoy", "db/postgres", "node-agent/agent"),
                read.stream().filter(s -> s.resource().equals("cpu_millicores")).map(Series::service).toList(),
                "pods grouped by owner; the pod cgroup, the pause container and the other namespace left out");
    }

    @Test
    void aRangeOfMorePointsThanAQueryMayAskIsReadInChunks() throws Exception {
        QueryRange range = QueryRange.last(Duration.ofDays(7), MINUTE, Instant.now());
        PrometheusSource oneChunk = new PrometheusSource(prometheus.url(), (int) range.points());
        PrometheusSource smallChunks = new PrometheusSource(prometheus.url(), 97);

        assertSameSeries(oneChunk.read(GeneratedUsage.NAMESPACE, range, Grouping.byPodOwner()),
                smallChunks.read(GeneratedUsage.NAMESPACE, range, Grouping.byPodOwner()));
    }

    @Test
    void withoutChunksPrometheusRefusesAndTheMessageSaysWhy() {
        QueryRange eightDays = QueryRange.last(Duration.ofDays(8), MINUTE, Instant.now());
        PrometheusSource unchunked = new PrometheusSource(prometheus.url(), Integer.MAX_VALUE);

        PrometheusException e = assertThrows(PrometheusException.class,
                () -> unchunked.read(GeneratedUsage.NAMESPACE, eightDays, Grouping.byPodOwner()));

        assertTrue(e.getMessage().contains("HTTP 400") && e.getMessage().contains("11,000 points"), e.getMessage());
        assertTrue(e.getMessage().contains("container_cpu_usage_seconds_total"), "names the query: " + e.getMessage());
    }

    @Test
    void aNamespaceWithoutSeriesIsNamedWithTheQuery() {
        PrometheusException e = assertThrows(PrometheusException.class, () -> new PrometheusSource(prometheus.url())
                .read("nowhere", QueryRange.last(Duration.ofHours(1), MINUTE, Instant.now()), Grouping.byPodOwner()));

        assertTrue(e.getMessage().contains("no container_cpu_usage_seconds_total series in namespace 'nowhere'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("rate(container_cpu_usage_seconds_total{namespace=\"nowhere\""),
                e.getMessage());
    }

    @Test
    void anUnreachablePrometheusIsNamed() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port);

        PrometheusException e = assertThrows(PrometheusException.class, () -> new PrometheusSource(closed)
                .read("shop", QueryRange.last(Duration.ofHours(1), MINUTE, Instant.now()), Grouping.byPodOwner()));

        assertTrue(e.getMessage().startsWith("cannot reach Prometheus at http://127.0.0.1:" + port + "/"),
                e.getMessage());
    }

    @Test
    void aGroupingLabelTheSeriesLackFallsBackToThePodsOwner() throws Exception {
        List<Series> read = new PrometheusSource(prometheus.url()).read(GeneratedUsage.NAMESPACE,
                QueryRange.last(Duration.ofDays(7), MINUTE, Instant.now()), Grouping.byLabel("app"));

        assertSameSeries(trace, read);
    }

    static void assertSameSeries(List<Series> expected, List<Series> actual) {
        assertEquals(expected.stream().map(s -> s.service() + " " + s.resource()).toList(),
                actual.stream().map(s -> s.service() + " " + s.resource()).toList());
        for (int i = 0; i < expected.size(); i++) {
            String name = expected.get(i).service() + " " + expected.get(i).resource();
            assertArrayEquals(expected.get(i).timestamps(), actual.get(i).timestamps(), name);
            // CPU is the same to the last bit or two: Prometheus's rate() and the trace divide the same increase in
            // different orders.
            assertArrayEquals(expected.get(i).values(), actual.get(i).values(), 1e-9, name);
        }
    }
}
