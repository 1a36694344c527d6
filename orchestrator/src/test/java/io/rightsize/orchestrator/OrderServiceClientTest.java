package io.rightsize.orchestrator;

import io.grpc.ManagedChannel;
import io.rightsize.api.v1.OrderServiceGrpc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the tests that call the orchestrator over gRPC: a fresh channel and blocking stub around each test. */
abstract class OrderServiceClientTest {

    private ManagedChannel channel;
    /** The OrderService of the orchestrator under test, on the port Quarkus bound. */
    protected OrderServiceGrpc.OrderServiceBlockingStub orders;

    @BeforeEach
    void connectToOrderService() {
        channel = GrpcChannels.toTestedService();
        orders = OrderServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void disconnectFromOrderService() {
        channel.shutdownNow();
    }
}
