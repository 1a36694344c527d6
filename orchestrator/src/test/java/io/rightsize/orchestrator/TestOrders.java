package io.rightsize.orchestrator;

import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderEvent;
import io.rightsize.api.v1.OrderServiceGrpc;
import io.rightsize.api.v1.WatchOrderRequest;
import java.util.Iterator;

/** Follows an order through the tested service's WatchOrder until it ends. */
final class TestOrders {

    private TestOrders() {
    }

    /** The order as its last event shows it: the stream completes when the order reaches a final state. */
    static Order watchToEnd(OrderServiceGrpc.OrderServiceBlockingStub orders, String id) {
        Iterator<OrderEvent> events = orders.watchOrder(WatchOrderRequest.newBuilder().setId(id).build());
        OrderEvent last = null;
        while (events.hasNext()) {
            last = events.next();
        }
        return last.getOrder();
    }
}
