package io.rightsize.orchestrator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.api.v1.ListOrdersRequest;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderSpec;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.SubmitOrderRequest;
import io.rightsize.api.v1.TaskSpec;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import io.rightsize.orchestrator.BadRequests.BadRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bad-input corpus through real gRPC: every request refused with its code and field, nothing stored or run. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(PredictorDownResource.class)
class BadInputCorpusTest extends OrderServiceClientTest {

    private static final long SEED = 20_261_126L;

    @TempDir
    Path outside;

    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createDirectories(TestImages.INPUT_ROOT.resolve("bad-input-" + UUID.randomUUID()));
    }

    @AfterEach
    void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void refusesEveryBadRequestWithItsFieldStartsNothingAndStaysHealthy() throws Exception {
        List<BadRequest> corpus = BadRequests.all(dir, outside, SEED);
        int listedBefore = listedOrders();
        long[] rowsBefore = storedRows();

        List<String> unexpected = new ArrayList<>();
        int[] codes = new int[Status.Code.values().length];
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            for (BadRequest c : corpus) {
                String problem = check(c, codes);
                if (problem != null) {
                    unexpected.add(c.name() + ": " + problem);
                }
            }
        });

        System.out.printf("bad-input gRPC corpus: %d cases, %d INVALID_ARGUMENT, %d FAILED_PRECONDITION, "
                        + "%d RESOURCE_EXHAUSTED, %d accepted, %d unexpected%n", corpus.size(),
                codes[Status.Code.INVALID_ARGUMENT.ordinal()], codes[Status.Code.FAILED_PRECONDITION.ordinal()],
                codes[Status.Code.RESOURCE_EXHAUSTED.ordinal()], codes[Status.Code.OK.ordinal()], unexpected.size());
        assertTrue(corpus.size() >= 50, "corpus has " + corpus.size() + " cases");
        assertEquals(List.of(), unexpected);
        assertEquals(listedBefore, listedOrders(), "orders listed");
        assertEquals(rowsBefore[0], storedRows()[0], "order rows");
        assertEquals(rowsBefore[1], storedRows()[1], "task rows");
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        acceptsAndRunsAValidOrderAfterwards();
    }

    private void acceptsAndRunsAValidOrderAfterwards() {
        String id = "after-bad-input-" + UUID.randomUUID().toString().substring(0, 8);
        Order submitted = orders.submitOrder(SubmitOrderRequest.newBuilder().setSpec(OrderSpec.newBuilder().setId(id)
                .setImage(TestImages.png(32, 32).toString()).addTasks(TaskSpec.newBuilder().setName("grayscale")))
                .build());
        assertEquals(OrderState.ORDER_PENDING, submitted.getState());
        Order done = TestOrders.watchToEnd(orders, id);
        assertEquals(OrderState.ORDER_SUCCEEDED, done.getState(), done.getReason());
    }

    /** Null when the request was refused as the case says; counts each outcome by code (OK for accepted). */
    private String check(BadRequest c, int[] codes) {
        try {
            Order order = orders.withDeadlineAfter(30, TimeUnit.SECONDS).submitOrder(c.request());
            codes[Status.Code.OK.ordinal()]++;
            return "accepted as order " + order.getId();
        } catch (StatusRuntimeException e) {
            Status status = e.getStatus();
            codes[status.getCode().ordinal()]++;
            if (status.getCode() != c.code()) {
                return "got " + status.getCode() + " (" + status.getDescription() + "), expected " + c.code();
            }
            if (c.field() == null) {
                return null;
            }
            String description = String.valueOf(status.getDescription());
            int colon = description.indexOf(": ");
            boolean named = c.field().isEmpty() ? colon > 0 : description.startsWith(c.field() + ": ")
                    || description.startsWith(c.field() + ".") || description.startsWith(c.field() + "[");
            return named && colon > 0 && colon + 2 < description.length() ? null
                    : "description '" + description + "' does not name " + c.field() + " and a reason";
        }
    }

    private int listedOrders() {
        return orders.listOrders(ListOrdersRequest.newBuilder().setLimit(1000).build()).getOrdersCount();
    }

    /** Rows in orders and tasks: a refused request must write neither. */
    private static long[] storedRows() throws SQLException {
        try (Connection db = TestDatabase.connect();
             ResultSet rows = db.createStatement().executeQuery(
                     "SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM tasks)")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }
}
