package io.rightsize.producer;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.rightsize.devstack.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * One more monitor-producer, for another host, in a JVM of its own (a {@code @QuarkusTest} runs one application per
 * JVM): the production application with all its messaging, started, killed and restarted as a node's pod would be.
 */
final class ProducerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;

    private ProducerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a producer sampling {@code host}'s tasks; its output goes to {@code log}. */
    static ProducerProcess start(String host, String bootstrapServers, Path log) throws IOException {
        int port = FreePorts.find();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-Drightsize.producer.host=" + host,
                "-Dkafka.bootstrap.servers=" + bootstrapServers,
                "-Dquarkus.http.test-port=" + port,
                ProducerProcess.class.getName()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ProducerProcess(process, port);
    }

    /** Whether its readiness check answers UP, as a kubelet's readiness probe would ask. */
    boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the producer exited with " + process.exitValue());
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("task-events-assigned");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A crash: SIGKILL, so nothing of the producer's shutdown runs. Returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the producer outlived SIGKILL for 30 s");
        }
    }

    /** A clean stop: its standard input closes, the application stops as on SIGTERM. */
    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** The child JVM: runs {@link ProducerOnAnotherHost} through the JUnit launcher, as surefire runs the tests. */
    public static void main(String[] args) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        // By name: Quarkus's class loader must load the class, which it does not for a Class already loaded here.
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass("io.rightsize.producer.ProducerOnAnotherHost")).build(), summary);
        summary.getSummary().printFailuresTo(new java.io.PrintWriter(System.out, true), 20);
        System.exit(summary.getSummary().getTotalFailureCount() == 0 ? 0 : 1);
    }
}
