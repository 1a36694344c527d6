package io.rightsize.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.rightsize.client.Endpoints;
import org.junit.jupiter.api.Test;

class StackServiceTest {

    private static final Endpoints AT = new Endpoints("127.0.0.1:8081", "127.0.0.1:8082", "127.0.0.1:8083");

    @Test
    void anUnreachableServiceSaysWhichOneWhereAndWhatToDo() {
        assertEquals("no orchestrator at 127.0.0.1:8081: start the stack with ./rightsize up, or pass --orchestrator"
                + " HOST:PORT", StackService.ORCHESTRATOR.explain(Status.UNAVAILABLE.withDescription("io exception")
                .asRuntimeException(), AT));
        assertEquals("no predictor at 127.0.0.1:8083: start the stack with ./rightsize up, or pass --predictor"
                + " HOST:PORT", StackService.PREDICTOR.explain(Status.UNAVAILABLE.asRuntimeException(), AT));
    }

    @Test
    void anyOtherRefusalKeepsItsCodeAndReason() {
        assertEquals("monitor-consumer at 127.0.0.1:8082 refused (NOT_FOUND): no order 7", StackService.MONITOR_CONSUMER
                .explain(Status.NOT_FOUND.withDescription("no order 7").asRuntimeException(), AT));
        assertEquals("the predictor at 127.0.0.1:8083 did not answer in time",
                StackService.PREDICTOR.explain(Status.DEADLINE_EXCEEDED.asRuntimeException(), AT));
    }
}
