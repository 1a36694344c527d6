package io.rightsize.orchestrator;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real gRPC PredictorService, as a subclass implements it, on a free 127.0.0.1 port, with the orchestrator's
 * predictor client pointed at it.
 */
abstract class PredictorStubResource implements QuarkusTestResourceLifecycleManager {

    private Server server;

    /** The predictor as this test needs it. */
    abstract BindableService predictor();

    /** Settings the orchestrator needs besides the port. */
    Map<String, String> config() {
        return Map.of();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .addService(predictor()).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(config());
        config.put("quarkus.grpc.clients.predictor.test-port", Integer.toString(server.getPort()));
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
