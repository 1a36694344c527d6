package io.rightsize.predictor.model;

import io.rightsize.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * Keeps the chosen model in a directory: Tribuo's own serialized form plus metadata.json, written to a temporary
 * directory first and swapped in, so a crash mid-save never leaves a half model.
 */
public final class ModelStore {

    static final String MODEL_FILE = "model.tribuo";
    static final String METADATA_FILE = "metadata.json";

    private final Path dir;

    public ModelStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Writes the model to a staging directory, reads it back from there and only then swaps it in, so a model that
     * cannot be read back fails the save and leaves the previous one in place.
     *
     * @return the copy read back: exactly what a restart would load
     */
    public UsageModel save(UsageModel model) {
        Path staging = null;
        try {
            Files.createDirectories(dir);
            staging = Files.createTempDirectory(dir, ".staging-");
            model.tribuoModel().serializeToFile(staging.resolve(MODEL_FILE));
            Files.writeString(staging.resolve(METADATA_FILE),
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(model.metadata()));
            UsageModel readBack = read(staging);
            Files.move(staging.resolve(MODEL_FILE), dir.resolve(MODEL_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging.resolve(METADATA_FILE), dir.resolve(METADATA_FILE),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return readBack;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model in " + dir, e);
        } finally {
            deleteQuietly(staging);
        }
    }

    /** The saved model, or empty when none was trained yet. */
    public Optional<UsageModel> load() {
        if (!Files.exists(dir.resolve(MODEL_FILE)) || !Files.exists(dir.resolve(METADATA_FILE))) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the model from " + dir, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static UsageModel read(Path from) throws IOException {
        Path model = from.resolve(MODEL_FILE);
        Model<?> loaded = Model.deserializeFromFile(model);
        if (!loaded.validate(Regressor.class)) {
            throw new IllegalStateException(model + " is not a regression model");
        }
        return new UsageModel((Model<Regressor>) loaded,
                Json.read(Files.readString(from.resolve(METADATA_FILE)), ModelMetadata.class));
    }

    private static void deleteQuietly(Path staging) {
        if (staging == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover staging directory is harmless: load() never looks at it.
        }
    }
}
