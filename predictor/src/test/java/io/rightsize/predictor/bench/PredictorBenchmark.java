package io.rightsize.predictor.bench;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.rightsize.api.v1.PredictRequest;
import io.rightsize.api.v1.PredictorServiceGrpc;
import io.rightsize.api.v1.RecommendRequest;
import io.rightsize.api.v1.Resource;
import io.rightsize.devstack.FreePorts;
import io.rightsize.devstack.postgres.EmbeddedPostgresServer;
import io.rightsize.devstack.service.ServiceKind;
import io.rightsize.devstack.service.ServiceProcess;
import io.rightsize.predictor.features.UsageRow;
import io.rightsize.predictor.model.Candidate;
import io.rightsize.predictor.model.ModelMetadata;
import io.rightsize.predictor.model.ModelStore;
import io.rightsize.predictor.model.ModelTrainer;
import io.rightsize.predictor.model.TrainingOptions;
import io.rightsize.predictor.model.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.flywaydb.core.Flyway;

/**
 * Predictor benchmark (a documented runner, not a test): training time on N generated samples, and Predict and
 * Recommend latency over loopback gRPC against the real predictor service process.
 * Run from the repository root: mvn -B -q -pl predictor -am install -DskipTests && MAVEN_OPTS=-Xmx6g mvn -B -q
 *      -pl predictor exec:java -Dexec.classpathScope=test -Drightsize.home=$PWD
 *      -Dexec.mainClass=io.rightsize.predictor.bench.PredictorBenchmark [-Dexec.args=1000000]
 */
public final class PredictorBenchmark {

    private static final List<String> SERVICES = List.of("grayscale", "blur", "sharpen", "resize", "rotate", "sobel",
            "median");

    private PredictorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        List<UsageRow> rows = generate(samples, 11);
        System.out.printf(Locale.ROOT, "training rows: %d (%d orders)%n", rows.size(),
                rows.stream().map(UsageRow::orderId).distinct().count());
        long start = System.nanoTime();
        TrainingResult result = new ModelTrainer(List.of(Candidate.values()))
                .train(rows, new TrainingOptions(0.25, 42, 0.95, 1), p -> System.out.println("  " + p.message()));
        double seconds = (System.nanoTime() - start) / 1e9;
        ModelMetadata m = result.model().metadata();
        System.out.printf(Locale.ROOT, "training: %.1f s in all (target < 120 s); winner %s%n", seconds, m.algorithm());
        for (ModelMetadata.CandidateScore c : m.candidates()) {
            System.out.printf(Locale.ROOT, "  %-22s scaled RMSE %.4f  train %.1f s%n", c.algorithm(), c.scaledRmse(),
                    c.trainSeconds());
        }

        Path home = Path.of(System.getProperty("rightsize.home", "..")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory(Files.createDirectories(home.resolve("predictor/target")), "bench-");
        new ModelStore(work.resolve("model")).save(result.model());
        try (EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(work.resolve("pg"),
                home.resolve("predictor/target/postgres-binaries"), FreePorts.find()).start()) {
            Flyway.configure().dataSource(postgres.jdbcUrl(), EmbeddedPostgresServer.USER, "postgres").load().migrate();
            int port = FreePorts.find();
            try (ServiceProcess predictor = new ServiceProcess(ServiceKind.PREDICTOR,
                    home.resolve("predictor/target/quarkus-app/quarkus-run.jar"), port,
                    Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(),
                            "RIGHTSIZE_PREDICTOR_MODEL_DIR", work.resolve("model").toString()),
                    work.resolve("predictor.log"), List.of("-Xmx1g")).start()) {
                predictor.awaitReady(Duration.ofSeconds(120));
                latency(port);
            }
        }
    }

    private static void latency(int port) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            var stub = PredictorServiceGrpc.newBlockingStub(channel);
            Random random = new Random(5);
            int warmup = 5_000;
            int measured = 20_000;
            long[] nanos = new long[measured];
            for (int i = 0; i < warmup + measured; i++) {
                String service = SERVICES.get(random.nextInt(SERVICES.size()));
                PredictRequest request = PredictRequest.newBuilder().addOrderServices(service).addOrderServices("blur")
                        .setService(service).setResource(i % 2 == 0 ? Resource.CPU_MILLICORES : Resource.MEMORY_BYTES)
                        .setElapsedSeconds(random.nextInt(30)).build();
                long t0 = System.nanoTime();
                stub.predict(request);
                if (i >= warmup) {
                    nanos[i - warmup] = System.nanoTime() - t0;
                }
            }
            report("Predict over loopback gRPC (target p99 < 2 ms)", nanos);
            long[] recommend = new long[200];
            for (int i = 0; i < recommend.length; i++) {
                long t0 = System.nanoTime();
                stub.recommend(RecommendRequest.newBuilder().addAllServices(List.of("grayscale", "blur", "sharpen",
                        "resize", "rotate", "sobel", "median", "blur", "resize", "sobel"))
                        .setRecommender("rightsize-ml").build());
                recommend[i] = System.nanoTime() - t0;
            }
            report("Recommend, 10-task order, rightsize-ml", recommend);
        } finally {
            channel.shutdownNow();
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: n=%d p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    /** Orders of 2-5 catalog services, each task 10-40 s with its own CPU level and memory growth, 2% noise. */
    static List<UsageRow> generate(int samples, long seed) {
        Random random = new Random(seed);
        List<UsageRow> rows = new ArrayList<>(samples);
        for (int o = 0; rows.size() < samples; o++) {
            List<String> services = new ArrayList<>(SERVICES);
            java.util.Collections.shuffle(services, random);
            Set<String> order = Set.copyOf(services.subList(0, 2 + random.nextInt(4)));
            for (String service : order) {
                int k = SERVICES.indexOf(service);
                int seconds = 10 + random.nextInt(31);
                for (int t = 0; t <= seconds && rows.size() < samples; t++) {
                    double noise = 1 + 0.02 * random.nextGaussian();
                    double cpu = (150 + 120 * k + (order.contains("blur") ? 50 : 0)) * noise;
                    double memory = (60 + 25 * k + (k % 2 == 0 ? 4 * t : 0)) * (1 << 20) * noise;
                    rows.add(new UsageRow("o" + o, o * 1000L, order, service,
                            io.rightsize.common.messaging.Resource.CPU_MILLICORES, t, cpu));
                    rows.add(new UsageRow("o" + o, o * 1000L, order, service,
                            io.rightsize.common.messaging.Resource.MEMORY_BYTES, t, memory));
                }
            }
        }
        return rows;
    }
}
