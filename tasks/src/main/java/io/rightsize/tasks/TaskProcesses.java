package io.rightsize.tasks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells a task process from any other by its command line, so a pid that was reused, or named in a forged event, is
 * never sampled or stopped as if it were a task.
 */
public final class TaskProcesses {

    /** The class every task process runs. */
    public static final String MAIN_CLASS = TaskMain.class.getName();

    private TaskProcesses() {
    }

    /** True when {@code process} runs a task of {@code service}. */
    public static boolean runsService(ProcessHandle process, String service) {
        return commandLine(process).map(c -> c.contains(MAIN_CLASS + " " + service + " ")).orElse(false);
    }

    /** True when {@code process} runs a task that writes {@code output}. */
    public static boolean writes(ProcessHandle process, String output) {
        return commandLine(process).map(c -> c.contains(MAIN_CLASS + " ") && c.contains(" " + output))
                .orElse(false);
    }

    /**
     * Read from /proc in full where there is one: the JDK's own answer stops at 4,096 characters, before the main
     * class of a JVM with a long class path.
     */
    private static Optional<String> commandLine(ProcessHandle process) {
        if (!process.isAlive()) {
            return Optional.empty();
        }
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            return Optional.of(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException e) {
            return process.info().commandLine();
        }
    }
}
