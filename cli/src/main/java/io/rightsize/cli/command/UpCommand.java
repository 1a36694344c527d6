package io.rightsize.cli.command;

import io.rightsize.cli.Home;
import io.rightsize.devstack.Stack;
import io.rightsize.devstack.StackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the embedded stack in the background (or in the foreground with --foreground) and prints endpoints. */
@Command(name = "up", description = "Start Kafka, PostgreSQL and the services on 127.0.0.1 in the background.")
public class UpCommand implements Callable<Integer> {

    @Option(names = "--foreground", description = "Run the stack in this process until interrupted.")
    boolean foreground;

    @Option(names = "--timeout-seconds", defaultValue = "180", description = "How long to wait for readiness.")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        var running = StackState.read().filter(StackState::alive);
        if (running.isPresent()) {
            System.out.println("the stack is already up (pid " + running.get().pid() + ")");
            printEndpoints(running.get().endpoints());
            return 0;
        }
        StackConfig config = Home.stackConfig();
        try {
            Stack.checkCanStart(config);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        return foreground ? runInForeground(config) : startInBackground();
    }

    private int runInForeground(StackConfig config) throws InterruptedException {
        Stack stack = new Stack(config);
        CountDownLatch stopped = new CountDownLatch(1);
        // The stack stops itself on exit (services first, while the database still takes their last writes);
        // this hook waits for that, so the state says "up" until everything is down.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            StackState.delete();
            stopped.countDown();
        }, "stack-shutdown"));
        stack.start(line -> System.out.println("  " + line));
        new StackState(ProcessHandle.current().pid(), stack.endpoints(), Instant.now()).write();
        System.out.println("stack is up");
        printEndpoints(stack.endpoints());
        stopped.await();
        return 0;
    }

    private int startInBackground() throws IOException, InterruptedException {
        StackState.delete();
        Path log = Home.stateDir().resolve("logs").resolve("stack.out");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Drightsize.home=" + Home.dir(), "-Drightsize.state=" + Home.stateDir(), "-cp", System.getProperty("java.class.path"),
                "io.rightsize.cli.Main", "up", "--foreground"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        System.out.println("starting the stack in the background (log: " + log + ")");
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            var state = StackState.read();
            if (state.isPresent()) {
                System.out.println("stack is up (pid " + state.get().pid() + ")");
                printEndpoints(state.get().endpoints());
                // What the foreground stack said of enforcement, so the user sees it here and not only in the log.
                Files.readAllLines(log).stream().filter(line -> line.contains("task allocations enforced by")
                        || line.contains("task capacity: "))
                        .map(String::strip).forEach(line -> System.out.println(line));
                return 0;
            }
            if (!process.isAlive()) {
                System.err.println("the stack failed to start:");
                Files.readAllLines(log).stream().skip(Math.max(0, Files.readAllLines(log).size() - 20))
                        .forEach(line -> System.err.println("  " + line));
                return 1;
            }
            Thread.sleep(250);
        }
        System.err.println("the stack did not become ready within " + timeoutSeconds + " s; see " + log);
        return 1;
    }

    static void printEndpoints(Map<String, String> endpoints) {
        endpoints.forEach((name, endpoint) -> System.out.printf("  %-17s %s%n", name, endpoint));
    }
}
