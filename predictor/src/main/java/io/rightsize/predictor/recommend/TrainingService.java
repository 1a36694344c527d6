package io.rightsize.predictor.recommend;

import io.rightsize.allocation.policy.AllocationConfig;
import io.rightsize.predictor.config.PredictorConfig;
import io.rightsize.predictor.features.UsageRow;
import io.rightsize.predictor.model.ModelTrainer;
import io.rightsize.predictor.model.TrainingOptions;
import io.rightsize.predictor.model.TrainingPlots;
import io.rightsize.predictor.model.TrainingProgress;
import io.rightsize.predictor.model.TrainingResult;
import io.rightsize.predictor.model.UsageModel;
import io.rightsize.predictor.model.candidate.Candidate;
import io.rightsize.predictor.store.TrainingData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/** One training run at a time: load the stored samples, train and select, save the model and its plots. */
@ApplicationScoped
public class TrainingService {

    private static final Logger LOG = Logger.getLogger(TrainingService.class);

    private final TrainingData data;
    private final ModelHolder models;
    private final PredictorConfig config;
    private final AllocationConfig allocation;
    private final AllocationService allocations;
    private final ReentrantLock running = new ReentrantLock();

    public TrainingService(TrainingData data, ModelHolder models, PredictorConfig config,
                           AllocationConfig allocation, AllocationService allocations) {
        this.data = data;
        this.models = models;
        this.config = config;
        this.allocation = allocation;
        this.allocations = allocations;
    }

    /** Runs a training; false when one is already running. */
    public boolean tryTrain(double validationFraction, long seed, Consumer<TrainingProgress> progress) {
        if (!running.tryLock()) {
            return false;
        }
        try {
            double fraction = validationFraction > 0 ? validationFraction : config.validationFraction();
            long actualSeed = seed != 0 ? seed : config.seed();
            int version = models.current().map(m -> m.metadata().version() + 1).orElse(1);
            TrainingOptions options = new TrainingOptions(fraction, actualSeed, config.coverage(), version);
            progress.accept(new TrainingProgress("data", "reading the stored samples", 0.0));
            List<UsageRow> rows = data.load().await().atMost(Duration.ofMinutes(5));
            TrainingResult result = new ModelTrainer(List.of(Candidate.values()), allocation.historyPolicy(),
                    allocations.bounds()).train(rows, options, progress);
            models.replace(result.model());
            TrainingPlots.write(models.store().dir(), result);
            UsageModel model = result.model();
            // Training leaves a gigabyte of dead samples and datasets behind, much of it promoted to the old
            // generation; collecting it once now, not piecemeal while Predict answers, keeps Predict's pauses short.
            System.gc();
            LOG.infof("model v%d trained: %s won on %d samples; backtest winner %s", model.metadata().version(),
                    model.metadata().algorithm(), model.metadata().trainingRows(),
                    model.metadata().defaultRecommender());
            return true;
        } finally {
            running.unlock();
        }
    }
}
