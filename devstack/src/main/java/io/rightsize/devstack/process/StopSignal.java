package io.rightsize.devstack.process;

import java.io.IOException;

/** The signal that asks a process to stop; PostgreSQL wants SIGINT (fast shutdown), SIGTERM waits for clients. */
public enum StopSignal {
    TERM,
    INT;

    /** Returns false when the signal could not be sent (the process is gone or not ours to signal). */
    public boolean send(ProcessHandle process) {
        return switch (this) {
            case TERM -> process.destroy();
            case INT -> kill("-INT", process.pid());
        };
    }

    private static boolean kill(String signal, long pid) {
        try {
            return new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
