package io.rightsize.devstack.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rightsize.devstack.process.ProcessRole;
import io.rightsize.devstack.process.ProcessStop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One service of the stack running as its own JVM process (as it would in a container), with its log in a file. */
public final class ServiceProcess implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ServiceKind kind;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final Path logFile;
    private final List<String> jvmOptions;
    private Process process;
    /** The last readiness answer that said UP: its checks' data say how the service runs. */
    private volatile String readiness = "{}";

    public ServiceProcess(ServiceKind kind, Path jar, int port, Map<String, String> env, Path logFile,
                          List<String> jvmOptions) {
        this.kind = kind;
        this.jar = jar;
        this.port = port;
        this.env = Map.copyOf(env);
        this.logFile = logFile;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public ServiceKind kind() {
        return kind;
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized ServiceProcess start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(kind.module() + " is not built: " + jar + " is missing (run mvn package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        try {
            Files.createDirectories(logFile.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + kind.module(), e);
        }
        return this;
    }

    /** Waits until the service's readiness check answers UP (it checks its broker and database). */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(kind.module() + " exited with code "
                        + (process == null ? "?" : process.exitValue()) + " while starting; see " + logFile);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    readiness = response.body();
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(kind.module() + " not ready on " + endpoint() + " after "
                + timeout.toSeconds() + " s (" + last + "); see " + logFile);
    }

    /**
     * The data of the readiness check {@code check} when the service last became ready, as strings; empty when the
     * check is not there (an older service) or gave no data.
     */
    public Map<String, String> readinessData(String check) {
        Map<String, String> data = new java.util.LinkedHashMap<>();
        try {
            for (JsonNode c : MAPPER.readTree(readiness).path("checks")) {
                if (c.path("name").asText().equals(check)) {
                    c.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
                }
            }
        } catch (IOException e) {
            // Not JSON: nothing to say about the check.
        }
        return data;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The running process, for stopping several services at once; empty when it was never started or is gone. */
    public synchronized Optional<ProcessHandle> handle() {
        return process == null || !process.isAlive() ? Optional.empty() : Optional.of(process.toHandle());
    }

    /**
     * Stops gracefully (SIGTERM, so in-flight work is finished or handed back); after the service's stop window,
     * kills it with the processes it started.
     */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        ProcessStop.stop(List.of(process.toHandle()), ProcessRole.SERVICE.signal(), ProcessRole.SERVICE.stopWindow());
        process = null;
    }

    /** Kills without a chance to clean up, as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
