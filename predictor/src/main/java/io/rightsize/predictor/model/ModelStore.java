package io.rightsize.predictor.model;

import io.rightsize.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
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

    public void save(UsageModel model) {
        try {
            Files.createDirectories(dir);
            Path staging = Files.createTempDirectory(dir, ".staging-");
            model.tribuoModel().serializeToFile(staging.resolve(MODEL_FILE));
            Files.writeString(staging.resolve(METADATA_FILE),
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(model.metadata()));
            Files.move(staging.resolve(MODEL_FILE), dir.resolve(MODEL_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging.resolve(METADATA_FILE), dir.resolve(METADATA_FILE),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model in " + dir, e);
        }
    }

    /** The saved model, or empty when none was trained yet. */
    @SuppressWarnings("unchecked")
    public Optional<UsageModel> load() {
        Path model = dir.resolve(MODEL_FILE);
        Path metadata = dir.resolve(METADATA_FILE);
        if (!Files.exists(model) || !Files.exists(metadata)) {
            return Optional.empty();
        }
        try {
            Model<?> loaded = Model.deserializeFromFile(model);
            if (!loaded.validate(Regressor.class)) {
                throw new IllegalStateException(model + " is not a regression model");
            }
            return Optional.of(new UsageModel((Model<Regressor>) loaded,
                    Json.read(Files.readString(metadata), ModelMetadata.class)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the model from " + dir, e);
        }
    }
}
