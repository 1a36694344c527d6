package io.rightsize.predictor.recommend;

import io.quarkus.runtime.StartupEvent;
import io.rightsize.predictor.config.PredictorConfig;
import io.rightsize.predictor.model.ModelStore;
import io.rightsize.predictor.model.UsageModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/** The model in use: loaded from disk at start-up, replaced atomically when a training run finishes. */
@ApplicationScoped
public class ModelHolder {

    private static final Logger LOG = Logger.getLogger(ModelHolder.class);

    private final ModelStore store;
    private final AtomicReference<UsageModel> current = new AtomicReference<>();

    public ModelHolder(PredictorConfig config) {
        this.store = new ModelStore(config.modelDir());
    }

    void load(@Observes StartupEvent event) {
        long start = System.nanoTime();
        store.load().ifPresentOrElse(model -> {
            current.set(model);
            LOG.infof("loaded model v%d (%s) from %s in %d ms", model.metadata().version(),
                    model.metadata().algorithm(), store.dir(), (System.nanoTime() - start) / 1_000_000);
        }, () -> LOG.infof("no model in %s yet; recommendations use heuristics until Train runs", store.dir()));
    }

    public Optional<UsageModel> current() {
        return Optional.ofNullable(current.get());
    }

    public ModelStore store() {
        return store;
    }

    /**
     * Saves a newly trained model and answers from the copy read back from disk, so what answers is exactly what a
     * restart would load, and a model that cannot be read back fails the training run instead of the next start.
     */
    public void replace(UsageModel model) {
        current.set(store.save(model));
    }
}
