package io.rightsize.cli.client;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.rightsize.api.v1.OrderServiceGrpc;
import io.rightsize.api.v1.UsageServiceGrpc;
import java.util.concurrent.TimeUnit;

/** Plain-text gRPC channels to the orchestrator and the monitor-consumer. */
public final class RightsizeClient implements AutoCloseable {

    private final ManagedChannel orchestrator;
    private final ManagedChannel consumer;

    public RightsizeClient(Endpoints endpoints) {
        this.orchestrator = ManagedChannelBuilder.forTarget(endpoints.orchestrator()).usePlaintext().build();
        this.consumer = ManagedChannelBuilder.forTarget(endpoints.monitorConsumer()).usePlaintext().build();
    }

    public OrderServiceGrpc.OrderServiceBlockingStub orders() {
        return OrderServiceGrpc.newBlockingStub(orchestrator);
    }

    public OrderServiceGrpc.OrderServiceStub ordersAsync() {
        return OrderServiceGrpc.newStub(orchestrator);
    }

    public UsageServiceGrpc.UsageServiceBlockingStub usage() {
        return UsageServiceGrpc.newBlockingStub(consumer);
    }

    @Override
    public void close() {
        orchestrator.shutdownNow();
        consumer.shutdownNow();
        try {
            orchestrator.awaitTermination(5, TimeUnit.SECONDS);
            consumer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
