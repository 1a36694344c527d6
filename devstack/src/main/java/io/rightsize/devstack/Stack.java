package io.rightsize.devstack;

import io.rightsize.devstack.kafka.EmbeddedKafka;
import io.rightsize.devstack.postgres.EmbeddedPostgresServer;
import io.rightsize.devstack.process.PidFile;
import io.rightsize.devstack.process.ProcessRole;
import io.rightsize.devstack.process.ProcessStop;
import io.rightsize.devstack.process.StackPids;
import io.rightsize.devstack.service.ServiceKind;
import io.rightsize.devstack.service.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The embedded default stack: Kafka and PostgreSQL in this JVM, each service as its own process. Started in
 * dependency order, stopped in reverse (also when this JVM is asked to exit), and each process recorded in a pid
 * file so that what outlives a crash of this JVM can still be found and stopped.
 */
public final class Stack implements AutoCloseable {

    /** The orchestrator's readiness check that says how task allocations are enforced, and why. */
    static final String ENFORCEMENT_CHECK = "rightsize-enforcement";

    /** Partitions of the samples topic: samples are keyed by task, so tasks spread over consumers. */
    public static final int RESOURCES_PARTITIONS = 4;

    /** The topics the services use, with their partition counts; the stack and the test resources create them. */
    public static final Map<String, Integer> TOPICS = Map.of("resources", RESOURCES_PARTITIONS, "orchestrator", 1,
            "sampling-gaps", 1, "resources-dlq", 1, "orchestrator-dlq", 1);

    private final StackConfig config;
    private final EmbeddedKafka kafka;
    private final EmbeddedPostgresServer postgres;
    private final Map<ServiceKind, ServiceProcess> services = new EnumMap<>(ServiceKind.class);
    private final StackPids pids;
    private final Thread stopOnExit = new Thread(this::close, "stack-stop");
    private boolean started;

    /** Small, quick-starting service JVMs: the demo and the tests favour start-up over peak speed. */
    public static final List<String> DEMO_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** Service JVMs as they run in production (full JIT): what benchmarks measure. */
    public static final List<String> PRODUCTION_JVM = List.of("-Xmx1g", "-XX:+UseParallelGC");
    /**
     * The predictor in production: training holds every sample as a Tribuo example, plus the scaled copy the
     * factorization machine and linear candidates train on, so a million samples need more than 1 GiB.
     */
    public static final Map<ServiceKind, List<String>> PRODUCTION_JVM_EXTRA = Map.of(ServiceKind.PREDICTOR,
            List.of("-Xmx3g", "-Xmn64m"));

    public Stack(StackConfig config) {
        this(config, DEMO_JVM);
    }

    public Stack(StackConfig config, List<String> serviceJvmOptions) {
        this(config, serviceJvmOptions, Map.of());
    }

    /** {@code extraJvmOptions} come after the common ones, so a service's own {@code -Xmx} wins. */
    public Stack(StackConfig config, List<String> serviceJvmOptions, Map<ServiceKind, List<String>> extraJvmOptions) {
        this.config = config;
        this.kafka = new EmbeddedKafka(config.dataDir().resolve("kafka"), config.kafkaPort(),
                config.kafkaControllerPort());
        this.postgres = new EmbeddedPostgresServer(config.dataDir().resolve("postgres"),
                config.dataDir().resolve("postgres-binaries"), config.postgresPort(), false);
        this.pids = new StackPids(config.pidDir());
        for (ServiceKind kind : ServiceKind.values()) {
            services.put(kind, new ServiceProcess(kind, config.serviceJar(kind), config.port(kind),
                    serviceEnv(kind), config.logDir().resolve(kind.module() + ".log"),
                    concat(serviceJvmOptions, extraJvmOptions.getOrDefault(kind, List.of()))));
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    public StackConfig config() {
        return config;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public ServiceProcess service(ServiceKind kind) {
        return services.get(kind);
    }

    public StackPids pids() {
        return pids;
    }

    public Stack start(Consumer<String> progress) {
        checkCanStart(config);
        try {
            Files.createDirectories(config.workDir());
            Files.createDirectories(config.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) {
            started = true;
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        }
        pids.clear();
        pids.record(PidFile.of("stack", ProcessRole.STACK, ProcessHandle.current(), ownCommandMarker(),
                List.of(config.kafkaPort(), config.kafkaControllerPort())));
        progress.accept("starting Kafka (KRaft) on " + kafka.bootstrapServers() + " and PostgreSQL on 127.0.0.1:"
                + postgres.port());
        CompletableFuture<Void> kafkaUp = CompletableFuture.runAsync(() -> {
            kafka.start(Duration.ofSeconds(60));
            kafka.createTopics(TOPICS);
        });
        CompletableFuture<Void> postgresUp = CompletableFuture.runAsync(postgres::start);
        CompletableFuture.allOf(kafkaUp, postgresUp).join();
        pids.record(PidFile.of("postgres", ProcessRole.POSTGRES, postgres.postmaster(),
                postgres.dataDir().toString(), List.of(postgres.port())));
        progress.accept("Kafka and PostgreSQL are up");
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (ServiceProcess service : services.values()) {
            progress.accept("starting " + service.kind().module() + " on " + service.endpoint());
            service.start();
            pids.record(PidFile.of(service.kind().module(), ProcessRole.SERVICE, service.handle().orElseThrow(),
                    config.serviceJar(service.kind()).toString(), List.of(service.port())));
        }
        for (ServiceProcess service : services.values()) {
            ready.add(CompletableFuture.runAsync(() -> {
                service.awaitReady(Duration.ofSeconds(120));
                progress.accept(service.kind().module() + " is ready on " + service.endpoint());
                Map<String, String> enforcement = service.readinessData(ENFORCEMENT_CHECK);
                if (!enforcement.isEmpty()) {
                    progress.accept("task allocations enforced by " + enforcement.get("mode") + ": "
                            + enforcement.get("detail"));
                    if (enforcement.containsKey("capacity")) {
                        progress.accept("task capacity: " + enforcement.get("capacity"));
                    }
                }
            }));
        }
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        return this;
    }

    public Map<String, String> endpoints() {
        Map<String, String> endpoints = new java.util.LinkedHashMap<>();
        for (ServiceProcess service : services.values()) {
            endpoints.put(service.kind().module(), service.endpoint());
        }
        endpoints.put("kafka", kafka.bootstrapServers());
        endpoints.put("postgresql", "127.0.0.1:" + postgres.port() + "/" + EmbeddedPostgresServer.DATABASE);
        return endpoints;
    }

    /**
     * Stops the services together, each with its stop window to finish its work, while Kafka and PostgreSQL still
     * run; then Kafka, then PostgreSQL. Also runs when this JVM is asked to exit (SIGTERM, Ctrl-C).
     */
    @Override
    public synchronized void close() {
        if (!started) {
            return;
        }
        List<ProcessHandle> running = services.values().stream().map(ServiceProcess::handle)
                .flatMap(java.util.Optional::stream).toList();
        ProcessStop.stop(running, ProcessRole.SERVICE.signal(), ProcessRole.SERVICE.stopWindow());
        for (ServiceProcess service : services.values()) {
            service.close();
            pids.remove(service.kind().module());
        }
        kafka.close();
        postgres.close();
        pids.clear();
        started = false;
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // This is the hook (or another one) running: the JVM forgets its hooks by itself.
        }
    }

    /**
     * Refuses to start over the live processes of a previous stack with the same state directory, or on busy
     * ports, naming each port and, when it knows, which process of a previous stack holds it.
     */
    public static void checkCanStart(StackConfig config) {
        StackPids previous = new StackPids(config.pidDir());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Integer> port : ports(config).entrySet()) {
            if (!FreePorts.isFree(port.getValue())) {
                problems.add("port 127.0.0.1:" + port.getValue() + " (" + port.getKey() + ") is in use"
                        + previous.holding(port.getValue()).map(p -> " by " + p.describe() + " of a previous stack")
                        .orElse(""));
            }
        }
        List<PidFile> leftovers = previous.running();
        for (PidFile process : leftovers) {
            if (problems.stream().noneMatch(p -> p.contains(process.describe()))) {
                problems.add(process.describe() + " of a previous stack is still running");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("cannot start the stack:\n  " + String.join("\n  ", problems) + "\n"
                    + (leftovers.isEmpty() ? "is another stack up? set RIGHTSIZE_*_PORT to move this one"
                    : "run ./rightsize down to stop the previous stack (pid files in " + previous.dir() + ")"));
        }
    }

    private static Map<String, Integer> ports(StackConfig config) {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        ports.put("Kafka", config.kafkaPort());
        ports.put("Kafka controller", config.kafkaControllerPort());
        ports.put("PostgreSQL", config.postgresPort());
        for (ServiceKind kind : ServiceKind.values()) {
            ports.put(kind.module(), config.port(kind));
        }
        return ports;
    }

    /** What this JVM was started with (main class or jar), to recognise it by in its pid file. */
    private static String ownCommandMarker() {
        String command = System.getProperty("sun.java.command", "").strip();
        return command.isEmpty() ? System.getProperty("java.home") : command.split(" ")[0];
    }

    private Map<String, String> serviceEnv(ServiceKind kind) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        if (kind == ServiceKind.PREDICTOR) {
            env.put("RIGHTSIZE_PREDICTOR_MODEL_DIR", config.dataDir().resolve("model").toString());
        }
        if (kind == ServiceKind.ORCHESTRATOR) {
            env.put("QUARKUS_GRPC_CLIENTS_PREDICTOR_HOST", "127.0.0.1");
            env.put("QUARKUS_GRPC_CLIENTS_PREDICTOR_PORT", Integer.toString(config.port(ServiceKind.PREDICTOR)));
            env.put("RIGHTSIZE_ORCHESTRATOR_TASKS_CLASSPATH", config.tasksJar().toString());
            env.put("RIGHTSIZE_ORCHESTRATOR_WORK_DIR", config.workDir().toString());
            env.put("RIGHTSIZE_ORCHESTRATOR_INPUT_ROOTS", config.home().toString());
        }
        return env;
    }
}
