package io.rightsize.predictor.model;

import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.features.UsageRow;
import io.rightsize.predictor.model.candidate.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * Trains every candidate on the training orders and keeps the one with the lowest scaled RMSE on the calibration
 * orders; the first one wins a tie.
 */
final class CandidateRace {

    private final List<Candidate> candidates;

    CandidateRace(List<Candidate> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /** The winning model, every candidate's score and the SGD candidates' training-loss curves. */
    record Outcome(Model<Regressor> model, Candidate candidate, List<ModelMetadata.CandidateScore> scores,
                   List<TrainingResult.LossPoint> lossCurves) {
    }

    /**
     * @param calibrationExamples the calibration rows as the model is asked about them, in the same order
     * @param scales              each resource's target scale, by which the training targets were divided
     */
    Outcome run(Dataset<Regressor> train, List<Example<Regressor>> calibrationExamples,
                List<UsageRow> calibrationRows, Map<Resource, Double> scales, long seed,
                Consumer<TrainingProgress> progress) {
        List<ModelMetadata.CandidateScore> scores = new ArrayList<>();
        List<TrainingResult.LossPoint> lossCurves = new ArrayList<>();
        Model<Regressor> best = null;
        Candidate bestCandidate = null;
        double bestRmse = Double.POSITIVE_INFINITY;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            long start = System.nanoTime();
            // About four loss points an epoch: a readable curve however large the data.
            int lossInterval = Math.max(100, train.size() / 4);
            double fraction = 0.1 + 0.7 * i / candidates.size();
            Model<Regressor> model;
            try (LossCapture capture = new LossCapture((iteration, loss) -> {
                lossCurves.add(new TrainingResult.LossPoint(candidate.algorithm(), iteration, loss));
                progress.accept(TrainingProgress.loss(candidate.algorithm(), iteration, loss, fraction));
            })) {
                model = candidate.trainer(seed, lossInterval).train(train);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rmse = HeldOutEvaluation.scaledRmse(model,
                    HeldOutEvaluation.predictScaled(model, calibrationExamples), calibrationRows, scales);
            scores.add(new ModelMetadata.CandidateScore(candidate.algorithm(), rmse, seconds));
            progress.accept(new TrainingProgress("candidate", String.format(Locale.ROOT,
                    "%s: validation RMSE %.4f (scaled), trained in %.1f s", candidate.algorithm(), rmse, seconds),
                    0.1 + 0.7 * (i + 1) / candidates.size()));
            if (rmse < bestRmse) {
                bestRmse = rmse;
                best = model;
                bestCandidate = candidate;
            }
        }
        return new Outcome(best, bestCandidate, scores, lossCurves);
    }
}
