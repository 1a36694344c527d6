package io.rightsize.consumer;

import static io.restassured.RestAssured.given;
import static org.eclipse.microprofile.config.ConfigProvider.getConfig;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.api.v1.UsageServiceGrpc;
import io.rightsize.api.v1.UsageStatsRequest;
import io.rightsize.client.ClientChannels;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import io.rightsize.devstack.testing.TlsTokenTestResource;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With a token and a certificate configured, gRPC answers only over TLS and only with the token. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TlsTokenTestResource.class)
class SecureEndpointTest {

    private final int port = getConfig().getValue("quarkus.http.test-ssl-port", Integer.class);
    private final Optional<Path> ca = Optional.of(Path.of(getConfig().getValue(TlsTokenTestResource.CA_KEY,
            String.class)));

    @Test
    void answersOverTlsWithTheToken() throws Exception {
        assertEquals(Status.Code.OK, call(ca, Optional.of(TlsTokenTestResource.TOKEN)));
    }

    @Test
    void refusesAMissingOrWrongTokenAsUnauthenticated() throws Exception {
        assertEquals(Status.Code.UNAUTHENTICATED, call(ca, Optional.empty()));
        assertEquals(Status.Code.UNAUTHENTICATED, call(ca, Optional.of("not-the-token")));
        assertEquals(Status.Code.UNAUTHENTICATED, call(ca, Optional.of(TlsTokenTestResource.TOKEN + "x")));
    }

    @Test
    void refusesPlainText() throws Exception {
        assertEquals(Status.Code.UNAVAILABLE, call(Optional.empty(), Optional.of(TlsTokenTestResource.TOKEN)));
    }

    @Test
    void healthAnswersOverHttpsWithoutTheToken() {
        given().relaxedHTTPSValidation().baseUri("https://127.0.0.1").port(port)
                .when().get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    private Status.Code call(Optional<Path> trustedCa, Optional<String> token) throws InterruptedException {
        ManagedChannel channel = ClientChannels.forTarget("127.0.0.1:" + port, trustedCa, token);
        try {
            UsageServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getUsageStats(UsageStatsRequest.getDefaultInstance());
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
