package io.rightsize.cli.lifecycle;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.stub.StreamObserver;
import io.rightsize.api.v1.OrderEvent;
import io.rightsize.api.v1.WatchOrderRequest;
import io.rightsize.cli.client.StackEndpoints;
import io.rightsize.client.OrderFiles;
import io.rightsize.client.RightsizeClient;
import io.rightsize.devstack.FreePorts;
import io.rightsize.devstack.Stack;
import io.rightsize.devstack.StackConfig;
import io.rightsize.devstack.process.PidFile;
import io.rightsize.devstack.process.ProcessRole;
import io.rightsize.devstack.process.ProcessStop;
import io.rightsize.devstack.process.StackPids;
import io.rightsize.devstack.service.ServiceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Stopping the real stack: in order on close, and after a crash of the stack process by {@code down}. */
class StackLifecycleTest {

    private static final Path HOME = Path.of(System.getProperty("rightsize.home")).toAbsolutePath().normalize();

    @Test
    void closeStopsEveryServiceWithinItsWindowWhilePostgresStillTakesConnections() throws Exception {
        StackConfig config = StackConfig.freePorts(HOME, HOME.resolve("cli/target/lifecycle-" + UUID.randomUUID()));
        Stack stack = new Stack(config);
        try {
            stack.start(line -> { });
            Map<ServiceKind, Instant> exited = new ConcurrentHashMap<>();
            for (ServiceKind kind : ServiceKind.values()) {
                stack.service(kind).handle().orElseThrow().onExit().thenRun(() -> exited.put(kind, Instant.now()));
            }
            AtomicReference<Instant> postgresRefused = new AtomicReference<>();
            Thread prober = probeUntilRefused(stack.postgres().jdbcUrl(), postgresRefused);
            try (RightsizeClient client = new RightsizeClient(StackEndpoints.of(config))) {
                String id = client.orders().submitOrder(OrderFiles.request(HOME.resolve("examples/orders/city.json")))
                        .getId();
                client.ordersAsync().watchOrder(WatchOrderRequest.newBuilder().setId(id).build(), ignoring());

                long start = System.nanoTime();
                stack.close();
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertTrue(took.compareTo(ProcessRole.SERVICE.stopWindow()) < 0, "close took " + took);
            }
            prober.join(10_000);
            assertEquals(ServiceKind.values().length, exited.size(), "every service exited: " + exited);
            for (Map.Entry<ServiceKind, Instant> service : exited.entrySet()) {
                assertTrue(service.getValue().isBefore(postgresRefused.get()), service.getKey() + " exited at "
                        + service.getValue() + ", PostgreSQL refused connections from " + postgresRefused.get());
                String log = Files.readString(config.logDir().resolve(service.getKey().module() + ".log"));
                assertTrue(log.contains(" stopped in "), service.getKey() + " stopped by itself, not killed");
                assertFalse(log.contains("the database system is shutting down"), service.getKey() + " log");
            }
            assertTrue(stack.pids().all().isEmpty(), "a clean stop leaves no pid files");
        } finally {
            stack.close();
        }
    }

    @Test
    void downStopsWhatAKilledStackProcessLeftRunningAndUpNamesWhatHoldsItsPorts() throws Exception {
        Path state = HOME.resolve("cli/target/lifecycle-state-" + UUID.randomUUID());
        Map<String, String> ports = freePortsEnvironment();
        StackPids pids = new StackPids(state.resolve("stack/pids"));
        Process stackProcess = cli(state, ports, "up", "--foreground").start();
        List<PidFile> left = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Files.exists(state.resolve("stack.json")) || !stackProcess.isAlive());
            assertTrue(stackProcess.isAlive(), "the stack came up: " + Files.readString(state.resolve("up---foreground.out")));
            stackProcess.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            left.addAll(pids.running());
            assertEquals(List.of(ProcessRole.SERVICE, ProcessRole.SERVICE, ProcessRole.SERVICE, ProcessRole.SERVICE,
                    ProcessRole.POSTGRES), left.stream().map(PidFile::role).toList(), "what the killed stack left");

            Result up = run(cli(state, ports, "up"));
            int orchestratorPort = Integer.parseInt(ports.get("RIGHTSIZE_ORCHESTRATOR_PORT"));
            PidFile orchestrator = left.stream().filter(p -> p.name().equals("orchestrator")).findFirst().orElseThrow();
            assertEquals(1, up.code, up.output);
            assertTrue(up.output.contains("port 127.0.0.1:" + orchestratorPort + " (orchestrator) is in use by "
                    + orchestrator.describe() + " of a previous stack"), up.output);
            assertTrue(up.output.contains("run ./rightsize down"), up.output);

            Result down = run(cli(state, ports, "down"));
            assertEquals(0, down.code, down.output);
            for (PidFile process : left) {
                assertTrue(down.output.contains("stopped " + process.describe()), down.output);
                assertTrue(ProcessHandle.of(process.pid()).map(ProcessStop::exited).orElse(true),
                        process.describe() + " is gone (or a zombie its new parent has yet to reap)");
                process.ports().forEach(port -> assertTrue(FreePorts.isFree(port), "port " + port + " is free"));
            }
            assertTrue(pids.all().isEmpty(), "down removes the pid files");
            assertFalse(Files.exists(state.resolve("stack.json")), "down removes the state");
        } finally {
            stackProcess.destroyForcibly();
            left.forEach(p -> p.process().ifPresent(ProcessStop::killTree));
        }
    }

    private static Thread probeUntilRefused(String jdbcUrl, AtomicReference<Instant> refused) {
        Thread prober = new Thread(() -> {
            while (refused.get() == null) {
                try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                    c.createStatement().execute("SELECT 1");
                    Thread.sleep(50);
                } catch (Exception e) {
                    refused.set(Instant.now());
                }
            }
        }, "postgres-prober");
        prober.setDaemon(true);
        prober.start();
        return prober;
    }

    private static StreamObserver<OrderEvent> ignoring() {
        return new StreamObserver<>() {
            @Override
            public void onNext(OrderEvent event) {
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        };
    }

    private static Map<String, String> freePortsEnvironment() {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("RIGHTSIZE_KAFKA_PORT", Integer.toString(FreePorts.find()));
        env.put("RIGHTSIZE_KAFKA_CONTROLLER_PORT", Integer.toString(FreePorts.find()));
        env.put("RIGHTSIZE_POSTGRES_PORT", Integer.toString(FreePorts.find()));
        for (ServiceKind kind : ServiceKind.values()) {
            env.put("RIGHTSIZE_" + kind.name() + "_PORT", Integer.toString(FreePorts.find()));
        }
        return env;
    }

    /** The command line as its own JVM, as ./rightsize runs it, with its state and logs under {@code state}. */
    private static ProcessBuilder cli(Path state, Map<String, String> ports, String... args) throws Exception {
        Files.createDirectories(state);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Drightsize.home=" + HOME, "-Drightsize.state=" + state, "-cp",
                System.getProperty("java.class.path"), "io.rightsize.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(state.resolve(String.join("-", args) + ".out").toFile());
        builder.environment().putAll(ports);
        return builder;
    }

    private record Result(int code, String output) {
    }

    private static Result run(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        assertTrue(process.waitFor(150, TimeUnit.SECONDS), "finished: " + builder.command());
        return new Result(process.exitValue(), Files.readString(builder.redirectOutput().file().toPath()));
    }
}
