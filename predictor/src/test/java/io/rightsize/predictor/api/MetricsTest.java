package io.rightsize.predictor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.api.v1.PredictorServiceGrpc;
import io.rightsize.api.v1.RecommendRequest;
import io.rightsize.devstack.testing.PostgresTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** /q/metrics and /q/health over HTTP, with the latency timers driven by real gRPC calls. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class MetricsTest {

    @Test
    void timesRecommendByStatusAndGaugesTheModel() {
        var config = ConfigProvider.getConfig();
        // The schema is the other services' to create; the recommenders read it.
        Flyway.configure().dataSource(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class)).load().migrate();
        int port = config.getValue("quarkus.http.test-port", Integer.class);
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            var predictor = PredictorServiceGrpc.newBlockingStub(channel);
            predictor.recommend(RecommendRequest.newBuilder().addServices("sobel").build());
            assertThrows(StatusRuntimeException.class, () -> predictor.recommend(RecommendRequest.getDefaultInstance()));
        } finally {
            channel.shutdownNow();
        }

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("rightsize_recommend_seconds_count{status=\"OK\"}"))
                .body(containsString("rightsize_recommend_seconds_count{status=\"INVALID_ARGUMENT\"}"))
                .body(containsString("rightsize_model_loaded "))
                // sobel has no history here: the default allocation, 500m / 2 cores, 256 MiB / 1 GiB.
                .body(containsString("rightsize_recommendation{bound=\"request\",resource=\"cpu\",service=\"sobel\"} 0.5"))
                .body(containsString("rightsize_recommendation{bound=\"limit\",resource=\"memory\",service=\"sobel\"} 1.073741824E9"));
    }

    @Test
    void isReadyWithTheDatabaseAndSaysWhetherAModelIsLoaded() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("model", "Reactive PostgreSQL connections health check"))
                .body("checks.find { it.name == 'model' }.data.loaded", notNullValue());
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
