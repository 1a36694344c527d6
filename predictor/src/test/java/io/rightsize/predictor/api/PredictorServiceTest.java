package io.rightsize.predictor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.allocation.policy.Capacity;
import io.rightsize.allocation.recommend.MemoryBump;
import io.rightsize.api.v1.GetModelRequest;
import io.rightsize.api.v1.ModelInfo;
import io.rightsize.api.v1.PredictRequest;
import io.rightsize.api.v1.PredictResponse;
import io.rightsize.api.v1.PredictorServiceGrpc;
import io.rightsize.api.v1.RecommendRequest;
import io.rightsize.api.v1.RecommendResponse;
import io.rightsize.api.v1.Resource;
import io.rightsize.api.v1.TaskParams;
import io.rightsize.api.v1.TaskRecommendation;
import io.rightsize.api.v1.TrainProgress;
import io.rightsize.api.v1.TrainRequest;
import io.rightsize.devstack.testing.PostgresTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The predictor against a real PostgreSQL holding orders, tasks and samples as the other services write them. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PredictorServiceTest {

    private ManagedChannel channel;
    private PredictorServiceGrpc.PredictorServiceBlockingStub predictor;

    @BeforeEach
    void connect() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        predictor = PredictorServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @Test
    @Order(1)
    void withoutAModelRecommendsTheDefaultAndPredictIsAPreconditionFailure() throws Exception {
        migrate();
        assertFalse(predictor.getModel(GetModelRequest.getDefaultInstance()).getPresent());
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> predictor.predict(
                PredictRequest.newBuilder().setService("blur").setResource(Resource.CPU_MILLICORES).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        RecommendResponse response = predictor.recommend(RecommendRequest.newBuilder().addServices("sobel").build());
        assertEquals("default", response.getTasks(0).getAllocation().getSource());
    }

    @Test
    @Order(2)
    void trainsOnTheStoredSamplesStreamingProgressAndKeepsTheModel() throws Exception {
        storeOrders(24);
        List<TrainProgress> progress = new ArrayList<>();
        Iterator<TrainProgress> stream = predictor.train(TrainRequest.newBuilder().build());
        stream.forEachRemaining(progress::add);

        TrainProgress last = progress.get(progress.size() - 1);
        assertTrue(progress.size() >= 4, "progress was streamed: " + progress);
        assertTrue(last.hasModel());
        assertTrue(progress.stream().anyMatch(p -> p.getStage().equals("loss")
                && p.getCandidate().equals("factorization-machine") && p.getIteration() > 0 && p.getLoss() > 0),
                "the training-loss curve is streamed");
        ModelInfo model = predictor.getModel(GetModelRequest.getDefaultInstance());
        assertTrue(model.getPresent());
        assertEquals("v1", model.getVersion());
        assertEquals(4, model.getCandidatesCount());
        assertEquals(List.of("blur", "resize"), model.getServicesList());
        assertEquals(List.of("resize.scale"), model.getParamFeaturesList(),
                "the stored resizes' scale; not blur's radius, stored as {} and so always at its default");
        assertTrue(model.getTrainingRows() > 0 && model.getValidationRows() > 0);
        assertTrue(model.getErrorsList().stream().anyMatch(e -> e.getResource() == Resource.MEMORY_BYTES));
        assertTrue(model.getBacktestCount() > 0);
    }

    @Test
    @Order(3)
    void predictsUsageWithAnUpperBound() {
        PredictResponse cpu = predictor.predict(PredictRequest.newBuilder().addOrderServices("blur")
                .addOrderServices("resize").setService("blur").setResource(Resource.CPU_MILLICORES)
                .setElapsedSeconds(4).build());
        assertEquals(900, cpu.getValue(), 90);
        assertTrue(cpu.getUpperBound() >= cpu.getValue());
        assertEquals(0.95, cpu.getCoverage(), 1e-9);
    }

    @Test
    @Order(4)
    void recommendsAnAllocationForEveryTaskOfAnOrder() {
        RecommendResponse response = predictor.recommend(RecommendRequest.newBuilder().addServices("blur")
                .addServices("resize").addServices("blur").addInputPixels(1_000_000).addInputPixels(0)
                .addInputPixels(4_000_000).setRecommender("rightsize-ml").build());
        assertEquals(3, response.getTasksCount());
        for (TaskRecommendation task : response.getTasksList()) {
            var a = task.getAllocation();
            assertEquals("rightsize-ml", a.getSource(), task.getBasis());
            assertTrue(a.getCpuLimitMillicores() >= a.getCpuRequestMillicores());
            assertTrue(a.getMemoryLimitBytes() >= a.getMemoryRequestBytes());
        }
        var blur = response.getTasks(0).getAllocation();
        assertTrue(blur.getCpuRequestMillicores() >= 800 && blur.getCpuRequestMillicores() <= 1000,
                "blur CPU request " + blur.getCpuRequestMillicores());
        var resize = response.getTasks(1).getAllocation();
        // Resize at its default scale, 2.5, beyond the trained 1 and 2: at least about what scale 2 holds.
        assertTrue(resize.getMemoryLimitBytes() >= 300L << 20, "resize memory " + (resize.getMemoryLimitBytes() >> 20));
        // The stored tasks' input sizes reach the model: blur on 4 megapixels needs about 320 MiB, on 1 about 140.
        var smallBlur = response.getTasks(0).getAllocation();
        var largeBlur = response.getTasks(2).getAllocation();
        assertTrue(smallBlur.getMemoryRequestBytes() >= 120L << 20 && smallBlur.getMemoryRequestBytes() <= 160L << 20,
                "blur on 1 MP requests " + (smallBlur.getMemoryRequestBytes() >> 20) + " MiB");
        assertTrue(largeBlur.getMemoryRequestBytes() >= 300L << 20 && largeBlur.getMemoryRequestBytes() <= 340L << 20,
                "blur on 4 MP requests " + (largeBlur.getMemoryRequestBytes() >> 20) + " MiB");
        assertTrue(largeBlur.getMemoryLimitBytes() >= largeBlur.getMemoryRequestBytes());

        RecommendResponse vpa = predictor.recommend(RecommendRequest.newBuilder().addServices("blur")
                .setRecommender("vpa-simple").build());
        assertEquals("vpa-simple", vpa.getTasks(0).getAllocation().getSource());
    }

    @Test
    @Order(5)
    void refusesUnknownServicesAndRecommenders() {
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> predictor.recommend(
                RecommendRequest.newBuilder().addServices("blur").addServices("teleport").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, unknown.getStatus().getCode());
        assertTrue(unknown.getStatus().getDescription().startsWith("services[1]"));
        StatusRuntimeException recommender = assertThrows(StatusRuntimeException.class, () -> predictor.recommend(
                RecommendRequest.newBuilder().addServices("blur").setRecommender("magic").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, recommender.getStatus().getCode());
        StatusRuntimeException pixels = assertThrows(StatusRuntimeException.class, () -> predictor.recommend(
                RecommendRequest.newBuilder().addServices("blur").addInputPixels(-5).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, pixels.getStatus().getCode());
        assertTrue(pixels.getStatus().getDescription().startsWith("input_pixels[0]"),
                pixels.getStatus().getDescription());
        StatusRuntimeException tooMany = assertThrows(StatusRuntimeException.class, () -> predictor.recommend(
                RecommendRequest.newBuilder().addServices("blur").addInputPixels(1).addInputPixels(2).build()));
        assertEquals("input_pixels: 2 sizes for 1 tasks", tooMany.getStatus().getDescription());
        StatusRuntimeException scale = assertThrows(StatusRuntimeException.class, () -> predictor.recommend(
                RecommendRequest.newBuilder().addServices("resize").addTaskParams(TaskParams.newBuilder()
                        .putValues("scale", 9)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, scale.getStatus().getCode());
        assertTrue(scale.getStatus().getDescription().startsWith("task_params[0].scale: "),
                scale.getStatus().getDescription());
        StatusRuntimeException unknownParam = assertThrows(StatusRuntimeException.class, () -> predictor.predict(
                PredictRequest.newBuilder().setService("resize").setResource(Resource.MEMORY_BYTES)
                        .putParams("zoom", 2).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, unknownParam.getStatus().getCode());
        assertTrue(unknownParam.getStatus().getDescription().startsWith("params.zoom: "),
                unknownParam.getStatus().getDescription());
    }

    @Test
    @Order(5)
    void aTasksParametersReachTheModel() {
        // Stored resizes at scale 1 and 2 hold (100 + 30 MiB/s) times it: the model tells them apart.
        RecommendResponse response = predictor.recommend(RecommendRequest.newBuilder().addServices("resize")
                .addServices("resize").addTaskParams(TaskParams.newBuilder().putValues("scale", 1))
                .addTaskParams(TaskParams.newBuilder().putValues("scale", 2)).setRecommender("rightsize-ml").build());
        long small = response.getTasks(0).getAllocation().getMemoryRequestBytes();
        long large = response.getTasks(1).getAllocation().getMemoryRequestBytes();
        assertTrue(large > 1.6 * small, "resize at scale 2 requests " + (large >> 20) + " MiB, at 1 "
                + (small >> 20) + " MiB");
        assertTrue(response.getTasks(1).getBasis().contains("params {scale=2.0}"), response.getTasks(1).getBasis());
    }

    @Test
    @Order(6)
    void anOutOfMemoryRaisesTheLimitOnlyForInputsAtLeastAsLarge() throws Exception {
        long limit = 2048L << 20;
        try (Connection c = database(); PreparedStatement s = c.prepareStatement("INSERT INTO oom_events (task_id,"
                + " order_id, service_id, memory_limit_bytes, occurred_at) SELECT t.id, t.order_id, t.service_id, ?,"
                + " now() FROM tasks t JOIN services sv ON sv.id = t.service_id"
                + " WHERE t.order_id = 'gen-0' AND sv.name = 'blur'")) {
            s.setLong(1, limit);
            assertEquals(1, s.executeUpdate());
        }
        long bumped = MemoryBump.afterOom(limit);

        RecommendResponse response = predictor.recommend(RecommendRequest.newBuilder().addServices("blur")
                .addServices("blur").addServices("blur").addInputPixels(4_000_000).addInputPixels(500_000)
                .addInputPixels(0).setRecommender("rightsize-ml").build());

        assertEquals(bumped, response.getTasks(0).getAllocation().getMemoryLimitBytes(),
                "the OOM was on 1 MP, so 4 MP needs at least its bump");
        assertTrue(response.getTasks(0).getBasis().contains("after an out-of-memory"));
        assertTrue(response.getTasks(1).getAllocation().getMemoryLimitBytes() < 1024L << 20,
                "an OOM on 1 MP says nothing about 0.5 MP: " + response.getTasks(1).getBasis());
        assertEquals(bumped, response.getTasks(2).getAllocation().getMemoryLimitBytes(), "an unknown size counts");

        // A heuristic is one allocation per service, but the floor is each task's own: its input size decides.
        RecommendResponse vpa = predictor.recommend(RecommendRequest.newBuilder().addServices("blur")
                .addServices("blur").addInputPixels(4_000_000).addInputPixels(500_000).setRecommender("vpa-simple").build());
        assertEquals(bumped, vpa.getTasks(0).getAllocation().getMemoryLimitBytes(), vpa.getTasks(0).getBasis());
        assertTrue(vpa.getTasks(1).getAllocation().getMemoryLimitBytes() < bumped,
                "vpa's second blur, on 0.5 MP, is not floored by the OOM on 1 MP: " + vpa.getTasks(1).getBasis());
    }

    @Test
    @Order(7)
    void anInputBeyondEveryRunGetsWhatItsPixelsNeedWhateverTheRecommender() {
        // Blur held 2 and 8 MP (1 and 4 MP in and out) using 80 MiB + 30 MiB per held megapixel; 40 MP in is 10x.
        double truth = (80 + 30 * 80.0) * (1 << 20) * 1.06;
        for (String recommender : List.of("vpa-simple", "rightsize-ml", "seed-max")) {
            TaskRecommendation task = predictor.recommend(RecommendRequest.newBuilder().addServices("blur")
                    .addInputPixels(40_000_000).setRecommender(recommender).build()).getTasks(0);
            long limit = task.getAllocation().getMemoryLimitBytes();
            assertTrue(limit >= truth && limit <= 2 * truth, recommender + ": " + (limit >> 20) + " MiB, "
                    + task.getBasis());
            assertTrue(task.getBasis().contains("memory from the size model: 80.0 MP held, 10.0x the largest"),
                    task.getBasis());
            assertEquals(limit, task.getNeededMemoryBytes());
        }
    }

    @Test
    @Order(8)
    void noRecommendationExceedsTheMaximumAndOneThatHitItSaysSo() {
        // 4000 MP: far outside the trained range, more memory than any machine this runs on has.
        TaskRecommendation task = predictor.recommend(RecommendRequest.newBuilder().addServices("blur")
                .addServices("resize").addInputPixels(4_000_000_000L).addInputPixels(1_000_000)
                .setRecommender("rightsize-ml").build()).getTasks(0);
        long max = Capacity.ofThisMachine().memoryBytes();
        assertEquals(max, task.getAllocation().getMemoryLimitBytes(), task.getBasis());
        assertTrue(task.getAllocation().getMemoryRequestBytes() <= max);
        assertTrue(task.getNeededMemoryBytes() > max, "the estimate before the bound, for the orchestrator to refuse");
        assertTrue(task.getBasis().contains("memory limit capped at the maximum " + (max >> 20) + " MiB"),
                task.getBasis());
        assertTrue(task.getAllocation().getCpuLimitMillicores() <= Capacity.ofThisMachine().cpuMillicores());
    }

    private static Connection database() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static void migrate() {
        var config = ConfigProvider.getConfig();
        Flyway.configure().dataSource(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class)).load().migrate();
    }

    /**
     * Orders of blur (900m, 80 MiB + 60 MiB per megapixel of input, on 1 or 4 megapixels) and resize (400m, memory
     * 100 MiB + 30 MiB/s times its scale, 1 or 2), as the orchestrator and the monitor store them.
     */
    private static void storeOrders(int count) throws Exception {
        Random random = new Random(3);
        Instant base = Instant.parse("2026-11-01T00:00:00Z");
        try (Connection c = database()) {
            for (int o = 0; o < count; o++) {
                String orderId = "gen-" + o;
                Instant submitted = base.plusSeconds(60L * o);
                try (PreparedStatement s = c.prepareStatement("INSERT INTO orders (id, state, image, spec,"
                        + " submitted_at) VALUES (?, 'SUCCEEDED', 'in.png', '{}'::jsonb, ?)")) {
                    s.setString(1, orderId);
                    s.setTimestamp(2, Timestamp.from(submitted));
                    s.executeUpdate();
                }
                String[] services = {"blur", "resize"};
                for (int p = 0; p < services.length; p++) {
                    Instant started = submitted.plusSeconds(15L * p);
                    int seconds = 8 + random.nextInt(3);
                    long pixels = o % 2 == 0 ? 1_000_000 : 4_000_000;
                    double scale = (o / 2) % 2 == 0 ? 1.0 : 2.0;
                    String params = services[p].equals("resize") ? "{\"scale\": " + scale + "}" : "{}";
                    long taskId = storeTask(c, orderId, p, services[p], pixels, params, started,
                            started.plusSeconds(seconds));
                    for (int t = 0; t <= seconds; t++) {
                        double noise = 1 + 0.02 * random.nextGaussian();
                        double cpu = services[p].equals("blur") ? 900 : 400;
                        double mib = services[p].equals("blur") ? 80 + 60 * pixels / 1e6 : (100 + 30 * t) * scale;
                        sample(c, taskId, 1, cpu * noise, started.plusSeconds(t));
                        sample(c, taskId, 2, mib * (1 << 20) * noise, started.plusSeconds(t));
                    }
                }
            }
        }
    }

    private static long storeTask(Connection c, String orderId, int position, String service, long inputPixels,
                                  String params, Instant started, Instant finished) throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO services (name) VALUES (?) ON CONFLICT DO NOTHING")) {
            s.setString(1, service);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO tasks (order_id, position, service_id, params,"
                + " state, started_at, finished_at, input_pixels) SELECT ?, ?, id, ?::jsonb, 'SUCCEEDED', ?, ?, ?"
                + " FROM services WHERE name = ? RETURNING id")) {
            s.setString(1, orderId);
            s.setInt(2, position);
            s.setString(3, params);
            s.setTimestamp(4, Timestamp.from(started));
            s.setTimestamp(5, Timestamp.from(finished));
            s.setLong(6, inputPixels);
            s.setString(7, service);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void sample(Connection c, long taskId, int resource, double value, Instant at)
            throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO samples (task_id, resource_id, value, timestamp)"
                + " VALUES (?, ?, ?, ?)")) {
            s.setLong(1, taskId);
            s.setInt(2, resource);
            s.setDouble(3, value);
            s.setTimestamp(4, Timestamp.from(at));
            s.executeUpdate();
        }
    }
}
