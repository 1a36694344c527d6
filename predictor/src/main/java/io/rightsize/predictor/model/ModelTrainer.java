package io.rightsize.predictor.model;

import io.rightsize.allocation.policy.Bounds;
import io.rightsize.allocation.policy.Capacity;
import io.rightsize.allocation.policy.DefaultAllocation;
import io.rightsize.allocation.policy.HistoryPolicy;
import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.features.FeatureSpace;
import io.rightsize.predictor.features.UsageRow;
import io.rightsize.predictor.model.candidate.Candidate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Tribuo;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Trains every {@link Candidate} on the earlier orders, keeps the one with the lowest error on the first half of the
 * latest orders and calibrates its bounds there, then judges every recommender on the second half, which none of
 * that saw (the stored-data backtest). Each step is its own class: {@link OrderTimeSplit}, {@link CandidateRace},
 * {@link HeldOutCalibration}, {@link HeldOutEvaluation}, {@link StoredDataBacktest}, {@link RecommenderChoice}.
 */
public final class ModelTrainer {

    /** The recommender name of the model-based allocation. */
    public static final String ML_RECOMMENDER = "rightsize-ml";

    private final CandidateRace race;
    private final StoredDataBacktest backtest;

    /** {@code served} and {@code bounds}: the heuristics as Recommend serves them, which the backtest judges. */
    public ModelTrainer(List<Candidate> candidates, HistoryPolicy served, Bounds bounds) {
        this.race = new CandidateRace(candidates);
        this.backtest = new StoredDataBacktest(served, bounds);
    }

    /** With the standard default allocation and minimum history, bounded by this machine. */
    public ModelTrainer(List<Candidate> candidates) {
        this(candidates, new HistoryPolicy(DefaultAllocation.STANDARD, HistoryPolicy.DEFAULT_MIN_HISTORY_RUNS),
                Bounds.upTo(Capacity.ofThisMachine()));
    }

    public TrainingResult train(List<UsageRow> rows, TrainingOptions options, Consumer<TrainingProgress> progress) {
        OrderTimeSplit split = OrderTimeSplit.of(rows, options.validationFraction());
        progress.accept(new TrainingProgress("data", split.describe(), 0.05));
        Map<Resource, Double> scales = TrainingRows.targetScales(split.train());
        FeatureSpace features = new FeatureSpace(rows.stream().map(UsageRow::service).collect(Collectors.toSet()),
                FeatureSpace.paramKeys(rows));
        // A row of unknown size (a task from before sizes were recorded) is learnt as the largest size trained on,
        // which is how the model is asked about an input of unknown size: "unknown" never teaches it about tiny
        // inputs. Only training orders count, so no held-out order's size reaches the model.
        Map<String, Long> largestInputPixels = TrainingRows.largestInputPixels(split.train());
        ToLongFunction<UsageRow> pixels = row -> ModelMetadata.inputPixelsOrLargest(largestInputPixels, row.service(),
                row.inputPixels());
        MutableDataset<Regressor> train = new MutableDataset<>(
                new SimpleDataSourceProvenance("rightsize samples", new RegressionFactory()), new RegressionFactory());
        for (UsageRow row : split.train()) {
            train.add(features.example(row, pixels.applyAsLong(row), row.value() / scales.get(row.resource())));
        }

        CandidateRace.Outcome chosen = race.run(train, queries(features, split.calibration(), pixels),
                split.calibration(), scales, options.seed(), progress);

        // The chosen model as it will answer (extrapolating memory), before any bound is fitted.
        ModelMetadata draft = new ModelMetadata(options.version(), chosen.candidate().algorithm(), Instant.now(),
                split.train().size(), split.heldOutRows(), features.services(), scales,
                TrainingRows.expectedSeconds(split.train()), null, List.of(), chosen.scores(), List.of(),
                ML_RECOMMENDER, Tribuo.VERSION, largestInputPixels, null, TrainingRows.trainedInputs(split.train()),
                features.params());
        UsageModel unCalibrated = new UsageModel(chosen.model(), draft);
        HeldOutCalibration held = HeldOutCalibration.fit(unCalibrated, split,
                heldOut -> queries(features, heldOut, pixels), options.coverage());
        List<ModelMetadata.ResourceError> errors = HeldOutEvaluation.errors(chosen.model(), held.testResiduals(),
                held.calibration());

        progress.accept(new TrainingProgress("backtest", "judging every recommender on the test orders", 0.9));
        List<ModelMetadata.BacktestScore> scores = backtest.run(split, held.testPeaks(), held.peaks());
        String winner = RecommenderChoice.winner(scores);
        ModelMetadata metadata = new ModelMetadata(draft.version(), draft.algorithm(), draft.trainedAt(),
                draft.trainingRows(), draft.validationRows(), draft.services(), scales, draft.expectedSeconds(),
                held.servedCalibration(), errors, chosen.scores(), scores, winner, Tribuo.VERSION, largestInputPixels,
                held.servedPeaks(), draft.trainedInputs(), draft.paramFeatures());
        progress.accept(new TrainingProgress("done", chosen.candidate().algorithm() + " won; backtest winner: "
                + winner, 1.0));
        return new TrainingResult(new UsageModel(chosen.model(), metadata),
                HeldOutEvaluation.validationPoints(held.testResiduals(), scales), chosen.lossCurves());
    }

    private static List<Example<Regressor>> queries(FeatureSpace features, List<UsageRow> rows,
                                                    ToLongFunction<UsageRow> pixels) {
        return rows.stream().map(row -> features.query(row.orderServices(), row.service(), pixels.applyAsLong(row),
                row.params(), row.resource(), row.elapsedSeconds())).toList();
    }
}
