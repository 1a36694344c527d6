package io.rightsize.fx;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.rightsize.api.v1.CapacityStatus;
import io.rightsize.api.v1.GetCapacityRequest;
import io.rightsize.api.v1.ListOrdersRequest;
import io.rightsize.api.v1.ListOrdersResponse;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderEvent;
import io.rightsize.api.v1.OrderServiceGrpc;
import io.rightsize.api.v1.UsageSample;
import io.rightsize.api.v1.UsageServiceGrpc;
import io.rightsize.api.v1.WatchOrderRequest;
import io.rightsize.api.v1.WatchUsageRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An orchestrator (and monitor-consumer) for window tests that need no stack: it lists the given orders, answers
 * WatchOrder with the order as it stands, GetCapacity with whatever the test set last, and WatchUsage with the
 * given samples.
 */
final class StubOrchestrator implements AutoCloseable {

    private final AtomicReference<CapacityStatus> capacity = new AtomicReference<>(CapacityStatus.getDefaultInstance());
    private final List<Order> orders = new CopyOnWriteArrayList<>();
    private final List<UsageSample> samples;
    private final Server server;

    StubOrchestrator(List<Order> orders) {
        this(orders, List.of());
    }

    StubOrchestrator(List<Order> orders, List<UsageSample> samples) {
        this.orders.addAll(orders);
        this.samples = List.copyOf(samples);
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .addService(new Service()).addService(new Usage()).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    /** An order submitted by another client: listed from now on, newest first. */
    void add(Order order) {
        orders.add(0, order);
    }

    void answerCapacity(CapacityStatus status) {
        capacity.set(status);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    private final class Service extends OrderServiceGrpc.OrderServiceImplBase {

        @Override
        public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> response) {
            response.onNext(ListOrdersResponse.newBuilder().addAllOrders(orders).build());
            response.onCompleted();
        }

        @Override
        public void watchOrder(WatchOrderRequest request, StreamObserver<OrderEvent> response) {
            orders.stream().filter(o -> o.getId().equals(request.getId())).findFirst()
                    .ifPresent(o -> response.onNext(OrderEvent.newBuilder().setOrder(o).build()));
        }

        @Override
        public void getCapacity(GetCapacityRequest request, StreamObserver<CapacityStatus> response) {
            response.onNext(capacity.get());
            response.onCompleted();
        }
    }

    private final class Usage extends UsageServiceGrpc.UsageServiceImplBase {

        @Override
        public void watchUsage(WatchUsageRequest request, StreamObserver<UsageSample> response) {
            samples.forEach(response::onNext);
        }
    }
}
