package io.rightsize.cli.prometheus;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's {@code prometheus} package, which {@code .ci/run} installs) on a free 127.0.0.1
 * port, over a TSDB backfilled from an OpenMetrics file with {@code promtool}; tests are skipped only where the
 * binaries are missing.
 */
public final class PrometheusServer implements AutoCloseable {

    private final Process process;
    private final URI url;

    private PrometheusServer(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** Backfills {@code dir/data} from {@code openMetrics} and serves it; skips the test without the binaries. */
    public static PrometheusServer start(Path openMetrics, Path dir) throws IOException, InterruptedException {
        Optional<Path> prometheus = onPath("prometheus");
        Optional<Path> promtool = onPath("promtool");
        assumeTrue(prometheus.isPresent() && promtool.isPresent(), "no prometheus and promtool on the PATH"
                + " (apt-get install prometheus, as .ci/run does)");
        Path data = dir.resolve("data");
        Path log = dir.resolve("prometheus.log");
        Process backfill = new ProcessBuilder(promtool.get().toString(), "tsdb", "create-blocks-from", "openmetrics",
                openMetrics.toString(), data.toString()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        if (!backfill.waitFor(2, TimeUnit.MINUTES) || backfill.exitValue() != 0) {
            backfill.destroyForcibly();
            throw new IOException("promtool could not backfill " + openMetrics + ": " + Files.readString(log));
        }
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1m\n");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(prometheus.get().toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + data, "--storage.tsdb.retention.time=30d",
                "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port));
        try {
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IOException("prometheus exited: " + Files.readString(log));
                }
                return ready(http, server.url.resolve("/-/ready"));
            });
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    public URI url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static boolean ready(HttpClient http, URI uri) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> onPath(String name) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }
}
