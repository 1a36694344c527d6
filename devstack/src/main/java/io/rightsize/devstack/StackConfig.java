package io.rightsize.devstack;

import io.rightsize.devstack.service.ServiceKind;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the embedded stack lives and listens. Defaults are the documented endpoints; each can be overridden
 * by an environment variable (RIGHTSIZE_KAFKA_PORT, RIGHTSIZE_POSTGRES_PORT, RIGHTSIZE_ORCHESTRATOR_PORT,
 * RIGHTSIZE_MONITOR_CONSUMER_PORT, RIGHTSIZE_MONITOR_PRODUCER_PORT, RIGHTSIZE_PREDICTOR_PORT).
 */
public record StackConfig(Path home, Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort,
                          Map<ServiceKind, Integer> servicePorts) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_POSTGRES_PORT = 55432;

    public StackConfig {
        servicePorts = Map.copyOf(servicePorts);
    }

    /** The documented default endpoints, with environment overrides. */
    public static StackConfig defaults(Path home, Path dataDir, Map<String, String> env) {
        Map<ServiceKind, Integer> ports = new EnumMap<>(ServiceKind.class);
        for (ServiceKind kind : ServiceKind.values()) {
            String variable = "RIGHTSIZE_" + kind.name() + "_PORT";
            ports.put(kind, port(env, variable, kind.defaultPort()));
        }
        return new StackConfig(home, dataDir, port(env, "RIGHTSIZE_KAFKA_PORT", DEFAULT_KAFKA_PORT),
                port(env, "RIGHTSIZE_KAFKA_CONTROLLER_PORT", DEFAULT_KAFKA_CONTROLLER_PORT),
                port(env, "RIGHTSIZE_POSTGRES_PORT", DEFAULT_POSTGRES_PORT), ports);
    }

    /** Free ports everywhere, for tests that must not collide with a running stack or each other. */
    public static StackConfig freePorts(Path home, Path dataDir) {
        Map<ServiceKind, Integer> ports = new EnumMap<>(ServiceKind.class);
        for (ServiceKind kind : ServiceKind.values()) {
            ports.put(kind, FreePorts.find());
        }
        return new StackConfig(home, dataDir, FreePorts.find(), FreePorts.find(), FreePorts.find(), ports);
    }

    public int port(ServiceKind kind) {
        return servicePorts.get(kind);
    }

    public Path serviceJar(ServiceKind kind) {
        return home.resolve(kind.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public Path tasksJar() {
        return home.resolve("tasks/target/rightsize-tasks.jar");
    }

    public Path workDir() {
        return dataDir.resolve("work");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** One pid file per process of the stack, so that a crashed stack's processes can still be stopped. */
    public Path pidDir() {
        return dataDir.resolve("pids");
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a TCP port (1-65535), got '" + value + "'");
        }
    }
}
