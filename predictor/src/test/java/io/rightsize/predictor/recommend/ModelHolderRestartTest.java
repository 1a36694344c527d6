package io.rightsize.predictor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.config.PredictorConfig;
import io.rightsize.predictor.model.GeneratedUsage;
import io.rightsize.predictor.model.ModelTrainer;
import io.rightsize.predictor.model.TrainingOptions;
import io.rightsize.predictor.model.UsageModel;
import io.rightsize.predictor.model.candidate.Candidate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted predictor serves the model the last one trained: what a replaced pod finds on the model volume
 * (the predictor-model claim on Kubernetes, .rightsize/model locally), with the same version and the same answers.
 */
class ModelHolderRestartTest {

    @Test
    void aNewPredictorOnTheSameModelDirServesTheSameVersion(@TempDir Path dir) {
        UsageModel trained = new ModelTrainer(List.of(Candidate.values())).train(GeneratedUsage.orders(20, 3),
                new TrainingOptions(0.25, 42, 0.95, 1), progress -> { }).model();
        ModelHolder before = new ModelHolder(config(dir));
        before.load(null);
        assertTrue(before.current().isEmpty(), "nothing trained yet");
        before.replace(trained);

        ModelHolder restarted = new ModelHolder(config(dir));
        restarted.load(null);

        UsageModel served = restarted.current().orElseThrow();
        assertEquals(before.current().orElseThrow().metadata().version(), served.metadata().version());
        assertEquals(before.current().orElseThrow().metadata(), served.metadata());
        Set<String> order = Set.of("blur", "resize");
        assertEquals(trained.predict(order, "resize", 2_000_000, Map.of(), Resource.MEMORY_BYTES, 5),
                served.predict(order, "resize", 2_000_000, Map.of(), Resource.MEMORY_BYTES, 5), 1e-9);
    }

    private static PredictorConfig config(Path dir) {
        return new PredictorConfig() {
            @Override
            public Path modelDir() {
                return dir;
            }

            @Override
            public double coverage() {
                return 0.95;
            }

            @Override
            public String recommender() {
                return "auto";
            }

            @Override
            public double validationFraction() {
                return 0.25;
            }

            @Override
            public long seed() {
                return 42;
            }
        };
    }
}
