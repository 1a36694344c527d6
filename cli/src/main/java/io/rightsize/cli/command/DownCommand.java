package io.rightsize.cli.command;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;

/** Stops the background stack: services first, then Kafka and PostgreSQL. */
@Command(name = "down", description = "Stop the stack started with 'up'.")
public class DownCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        var state = StackState.read();
        if (state.isEmpty() || !state.get().alive()) {
            StackState.delete();
            System.out.println("the stack is not running");
            return 0;
        }
        ProcessHandle process = ProcessHandle.of(state.get().pid()).orElseThrow();
        System.out.println("stopping the stack (pid " + process.pid() + ")");
        process.destroy();
        try {
            process.onExit().get(90, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("the stack did not stop within 90 s; killing it");
            process.destroyForcibly();
        }
        StackState.delete();
        System.out.println("stopped");
        return 0;
    }
}
