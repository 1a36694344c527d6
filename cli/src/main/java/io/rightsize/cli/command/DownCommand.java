package io.rightsize.cli.command;

import io.rightsize.cli.Home;
import io.rightsize.devstack.process.PidFile;
import io.rightsize.devstack.process.ProcessRole;
import io.rightsize.devstack.process.ProcessStop;
import io.rightsize.devstack.process.StackPids;
import io.rightsize.devstack.process.StopSignal;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Stops the stack: asks the stack process to stop (services first, then Kafka and PostgreSQL); if it died
 * without doing so, stops the services and PostgreSQL it left running, found by their pid files.
 */
@Command(name = "down", description = "Stop the stack started with 'up', or what a crashed stack left running.")
public class DownCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        StackPids pids = new StackPids(Home.stackConfig().pidDir());
        List<PidFile> running = pids.running();
        boolean stackAlive = running.stream().anyMatch(p -> p.role() == ProcessRole.STACK);
        if (running.isEmpty()) {
            pids.clear();
            // A stack started by an older version wrote no pid files, only its state.
            var older = StackState.read().filter(StackState::alive);
            if (older.isPresent()) {
                ProcessHandle process = ProcessHandle.of(older.get().pid()).orElseThrow();
                System.out.println("stopping the stack (pid " + process.pid() + ")");
                ProcessStop.stop(List.of(process), StopSignal.TERM, ProcessRole.STACK.stopWindow());
                StackState.delete();
                System.out.println("stopped");
                return 0;
            }
            StackState.delete();
            System.out.println("the stack is not running");
            return 0;
        }
        System.out.println(stackAlive ? "stopping the stack"
                : "the stack process is gone; stopping what it left running");
        pids.stopAll(line -> System.out.println("  " + line));
        StackState.delete();
        System.out.println("stopped");
        return 0;
    }
}
