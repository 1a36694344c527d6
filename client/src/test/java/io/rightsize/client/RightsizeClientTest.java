package io.rightsize.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.rightsize.api.v1.GetModelRequest;
import io.rightsize.api.v1.ListOrdersRequest;
import io.rightsize.api.v1.TaskUsageRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client reaches each service on its own endpoint, and says so when none answers. */
class RightsizeClientTest {

    @Test
    void everyServiceThatDoesNotAnswerIsUnavailable() throws IOException {
        String nobody = "127.0.0.1:" + freePort();
        try (RightsizeClient client = new RightsizeClient(new Endpoints(nobody, nobody, nobody))) {
            assertUnavailable(() -> client.orders().withDeadlineAfter(10, TimeUnit.SECONDS)
                    .listOrders(ListOrdersRequest.getDefaultInstance()));
            assertUnavailable(() -> client.usage().withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getTaskUsage(TaskUsageRequest.getDefaultInstance()));
            assertUnavailable(() -> client.predictor().withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getModel(GetModelRequest.getDefaultInstance()));
        }
    }

    @Test
    void refusesACertificateItCannotRead(@TempDir Path dir) {
        Path missing = dir.resolve("ca.pem");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ClientChannels.forTarget("127.0.0.1:1", Optional.of(missing), Optional.empty()));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    private static void assertUnavailable(Runnable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
