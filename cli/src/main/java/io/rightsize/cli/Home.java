package io.rightsize.cli;

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

    public static Path stateDir() {
        return dir().resolve(".rightsize");
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
