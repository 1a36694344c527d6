package io.rightsize.client;

import io.grpc.ManagedChannel;
import io.rightsize.api.v1.OrderServiceGrpc;
import io.rightsize.api.v1.PredictorServiceGrpc;
import io.rightsize.api.v1.UsageServiceGrpc;
import java.util.concurrent.TimeUnit;

/**
 * gRPC channels to the orchestrator, the monitor-consumer and the predictor: plain text on the local stack, TLS and
 * a bearer token when RIGHTSIZE_TLS_CA and RIGHTSIZE_API_TOKEN are set (see {@link ClientChannels}).
 */
public final class RightsizeClient implements AutoCloseable {

    private final ManagedChannel orchestrator;
    private final ManagedChannel consumer;
    private final ManagedChannel predictor;

    public RightsizeClient(Endpoints endpoints) {
        this.orchestrator = ClientChannels.forTarget(endpoints.orchestrator());
        this.consumer = ClientChannels.forTarget(endpoints.monitorConsumer());
        this.predictor = ClientChannels.forTarget(endpoints.predictor());
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
