package io.rightsize.fx.service;

import io.rightsize.client.Endpoints;
import io.rightsize.devstack.Stack;
import io.rightsize.devstack.StackConfig;
import io.rightsize.devstack.service.ServiceKind;
import io.rightsize.fx.model.Component;
import io.rightsize.fx.model.ComponentState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Starts and stops the embedded stack (blocking; call it off the FX thread) and reports each component's state
 * from the stack's progress lines.
 */
public final class StackRunner {

    /** What the window hears while the stack starts: a progress line and the components as they now stand. */
    public interface Listener {
        void progress(String line, List<Component> components);
    }

    private final Supplier<StackConfig> configs;
    private Stack stack;
    private List<Component> components = List.of();

    public StackRunner(Supplier<StackConfig> configs) {
        this.configs = configs;
    }

    /** Starts a fresh stack; returns the gRPC endpoints of its services. */
    public Endpoints start(Listener listener) {
        Stack starting;
        synchronized (this) {
            if (stack != null) {
                throw new IllegalStateException("the embedded stack is already running");
            }
            StackConfig config = configs.get();
            starting = new Stack(config);
            stack = starting;
            components = initial(starting.endpoints());
        }
        listener.progress("starting the embedded stack", components);
        try {
            starting.start(line -> listener.progress(line, update(line)));
        } catch (RuntimeException e) {
            List<Component> failed;
            synchronized (this) {
                failed = components.stream()
                        .map(c -> c.state() == ComponentState.READY ? c : c.withState(ComponentState.FAILED)).toList();
            }
            stop();
            listener.progress("the stack did not start: " + e.getMessage(), failed);
            throw e;
        }
        StackConfig config = starting.config();
        return new Endpoints("127.0.0.1:" + config.port(ServiceKind.ORCHESTRATOR),
                "127.0.0.1:" + config.port(ServiceKind.MONITOR_CONSUMER),
                "127.0.0.1:" + config.port(ServiceKind.PREDICTOR));
    }

    /** Stops the services, then Kafka and PostgreSQL; returns the components, all stopped. */
    public List<Component> stop() {
        Stack running;
        synchronized (this) {
            running = stack;
            stack = null;
        }
        if (running != null) {
            running.close();
        }
        synchronized (this) {
            components = components.stream().map(c -> c.withState(ComponentState.STOPPED)).toList();
            return components;
        }
    }

    private static List<Component> initial(Map<String, String> endpoints) {
        List<Component> list = new ArrayList<>();
        endpoints.forEach((name, endpoint) -> list.add(new Component(label(name), endpoint, ComponentState.STARTING)));
        return List.copyOf(list);
    }

    /** The stack says "Kafka and PostgreSQL are up" and "NAME is ready on ENDPOINT". */
    private synchronized List<Component> update(String line) {
        List<Component> next = new ArrayList<>();
        for (Component c : components) {
            boolean infrastructureUp = line.startsWith("Kafka and PostgreSQL are up")
                    && (c.name().equals("Kafka") || c.name().equals("PostgreSQL"));
            boolean serviceReady = line.startsWith(c.name() + " is ready");
            next.add(infrastructureUp || serviceReady ? c.withState(ComponentState.READY) : c);
        }
        components = List.copyOf(next);
        return components;
    }

    private static String label(String endpointName) {
        return switch (endpointName) {
            case "kafka" -> "Kafka";
            case "postgresql" -> "PostgreSQL";
            default -> endpointName;
        };
    }
}
