package io.rightsize.orchestrator;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A port that stands in for an OpenTelemetry collector and counts who connects to it, with the orchestrator's OTLP
 * endpoint pointed at it and its spans, if it had any to send, sent every 100 ms.
 */
public class CollectorResource implements QuarkusTestResourceLifecycleManager {

    static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private ServerSocket socket;

    @Override
    public Map<String, String> start() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accepting = new Thread(this::accept, "test-collector");
        accepting.setDaemon(true);
        accepting.start();
        return Map.of("quarkus.otel.exporter.otlp.endpoint", "http://127.0.0.1:" + socket.getLocalPort(),
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket ignored = socket.accept()) {
                CONNECTIONS.incrementAndGet();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
