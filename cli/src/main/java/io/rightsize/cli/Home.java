package io.rightsize.cli;

import io.rightsize.devstack.StackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project lives (set by the ./rightsize script) and where the stack keeps its state. */
public final class Home {

    private Home() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("rightsize.home", ".")).toAbsolutePath().normalize();
    }

    /** {@code -Drightsize.state} moves it, so that tests of up and down never touch a user's running stack. */
    public static Path stateDir() {
        String state = System.getProperty("rightsize.state");
        return state == null || state.isBlank() ? dir().resolve(".rightsize")
                : Path.of(state).toAbsolutePath().normalize();
    }

    /** The stack that up starts and down stops: the documented ports (or RIGHTSIZE_*_PORT), state under here. */
    public static StackConfig stackConfig() {
        return StackConfig.defaults(dir(), stateDir().resolve("stack"), System.getenv());
    }

    /** Logs of the in-process Kafka and PostgreSQL go to a file; the terminal shows only what a user needs. */
    static void configureLogging() {
        Path logs = stateDir().resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", logs.resolve("rightsize-cli.log").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    }
}
