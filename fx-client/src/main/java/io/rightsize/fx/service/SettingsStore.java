package io.rightsize.fx.service;

import io.rightsize.client.Endpoints;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Remembers the last endpoints connected to, in a properties file, so the next run offers them again. */
public final class SettingsStore {

    /** The local stack's default ports: what a first run offers. */
    public static final Endpoints DEFAULTS = new Endpoints("127.0.0.1:8081", "127.0.0.1:8082", "127.0.0.1:8083");

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** {@code ~/.rightsize/fx-client.properties}, or the file named by {@code -Drightsize.fx.settings}. */
    public static SettingsStore userDefault() {
        String override = System.getProperty("rightsize.fx.settings");
        return new SettingsStore(override != null ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".rightsize", "fx-client.properties"));
    }

    public Endpoints load() {
        if (!Files.isRegularFile(file)) {
            return DEFAULTS;
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            return DEFAULTS;
        }
        return new Endpoints(props.getProperty("orchestrator", DEFAULTS.orchestrator()),
                props.getProperty("monitor-consumer", DEFAULTS.monitorConsumer()),
                props.getProperty("predictor", DEFAULTS.predictor()));
    }

    public void save(Endpoints endpoints) {
        Properties props = new Properties();
        props.setProperty("orchestrator", endpoints.orchestrator());
        props.setProperty("monitor-consumer", endpoints.monitorConsumer());
        props.setProperty("predictor", endpoints.predictor());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(writer, "Rightsize desktop client: last endpoints");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save settings to " + file + ": " + e.getMessage(), e);
        }
    }
}
