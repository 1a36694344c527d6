package io.rightsize.cli.client;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.rightsize.api.v1.OrderServiceGrpc;
import io.rightsize.api.v1.PredictorServiceGrpc;
import io.rightsize.api.v1.UsageServiceGrpc;
import java.util.concurrent.TimeUnit;

/** Plain-text gRPC channels to the orchestrator, the monitor-consumer and the predictor. */
public final class RightsizeClient implements AutoCloseable {

    private final ManagedChannel orchestrator;
    private final ManagedChannel consumer;
    private final ManagedChannel predictor;

    public RightsizeClient(Endpoints endpoints) {
        this.orchestrator = ManagedChannelBuilder.forTarget(endpoints.orchestrator()).usePlaintext().build();
        this.consumer = ManagedChannelBuilder.forTarget(endpoints.monitorConsumer()).usePlaintext().build();
        this.predictor = ManagedChannelBuilder.forTarget(endpoints.predictor()).usePlaintext().build();
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

    public PredictorServiceGrpc.PredictorServiceBlockingStub predictor() {
        return PredictorServiceGrpc.newBlockingStub(predictor);
    }

    @Override
    public void close() {
        for (ManagedChannel channel : new ManagedChannel[] {orchestrator, consumer, predictor}) {
            channel.shutdownNow();
        }
        try {
            orchestrator.awaitTermination(5, TimeUnit.SECONDS);
            consumer.awaitTermination(5, TimeUnit.SECONDS);
            predictor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
