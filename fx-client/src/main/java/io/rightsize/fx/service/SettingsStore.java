package io.rightsize.fx.service;

import io.rightsize.fx.model.Endpoints;
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
            return Endpoints.DEFAULTS;
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            return Endpoints.DEFAULTS;
        }
        return new Endpoints(props.getProperty("orchestrator", Endpoints.DEFAULTS.orchestrator()),
                props.getProperty("monitor-consumer", Endpoints.DEFAULTS.monitorConsumer()),
                props.getProperty("predictor", Endpoints.DEFAULTS.predictor()));
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
