package io.rightsize.predictor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rightsize.allocation.backtest.Hindsight;
import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.features.FeatureSpace;
import io.rightsize.predictor.features.UsageRow;
import io.rightsize.predictor.model.candidate.Candidate;
import io.rightsize.predictor.model.candidate.SgdHyperparameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainerTest {

    private static TrainingResult result;
    private static final List<TrainingProgress> PROGRESS = new ArrayList<>();

    @BeforeAll
    static void train() {
        result = new ModelTrainer(List.of(Candidate.values()))
                .train(GeneratedUsage.orders(40, 7), new TrainingOptions(0.25, 42, 0.95, 1), PROGRESS::add);
    }

    @Test
    void recoversTheKnownProfilesWithinFivePercentOfTheirScale() {
        UsageModel model = result.model();
        Set<String> order = Set.of("blur", "resize", "grayscale");
        for (String service : List.of("blur", "resize", "grayscale")) {
            for (long pixels : GeneratedUsage.INPUT_PIXELS) {
                for (double scale : GeneratedUsage.SCALES) {
                    Map<String, Double> params = GeneratedUsage.params(service, scale);
                    for (int t = 0; t <= 8; t += 2) {
                        double cpu = model.predict(order, service, pixels, params, Resource.CPU_MILLICORES, t);
                        assertEquals(GeneratedUsage.cpu(service, order, t), cpu, 0.05 * 900,
                                service + " CPU at " + t + " s (" + model.metadata().algorithm() + ")");
                        double memory = model.predict(order, service, pixels, params, Resource.MEMORY_BYTES, t);
                        assertEquals(GeneratedUsage.memory(service, pixels, scale, t), memory,
                                0.05 * 510 * GeneratedUsage.MIB,
                                service + " memory at " + t + " s on " + pixels + " pixels, " + params);
                    }
                }
            }
        }
    }

    @Test
    void learnsWhatATasksParameterDoesToItsUsage() {
        UsageModel model = result.model();
        assertEquals(List.of("resize.scale"), model.metadata().paramFeatures());
        Set<String> order = Set.of("resize", "grayscale");
        double small = model.predict(order, "resize", 1_000_000, Map.of("scale", 0.5), Resource.MEMORY_BYTES, 6);
        double large = model.predict(order, "resize", 1_000_000, Map.of("scale", 1.5), Resource.MEMORY_BYTES, 6);
        // 280 MiB at 6 s, times the scale: 140 and 420 MiB.
        assertEquals(3.0, large / small, 0.3, "resize at scale 1.5 vs 0.5: " + large + " / " + small);
        assertEquals(model.predict(order, "resize", 1_000_000, Map.of("scale", 0.5), Resource.CPU_MILLICORES, 6),
                model.predict(order, "resize", 1_000_000, Map.of("scale", 1.5), Resource.CPU_MILLICORES, 6), 1e-9,
                "CPU does not see the parameters: a core's rate does not follow them");
    }

    @Test
    void answersAnInputOfUnknownSizeAsTheLargestSeen() {
        UsageModel model = result.model();
        Set<String> order = Set.of("blur", "grayscale");
        assertEquals(4_000_000L, model.metadata().largestInputPixels().get("blur"));
        assertEquals(model.predict(order, "blur", 4_000_000, Map.of(), Resource.MEMORY_BYTES, 3),
                model.predict(order, "blur", 0, Map.of(), Resource.MEMORY_BYTES, 3), 1e-9);
        assertTrue(model.predict(order, "blur", 500_000, Map.of(), Resource.MEMORY_BYTES, 3)
                < 0.5 * model.predict(order, "blur", 0, Map.of(), Resource.MEMORY_BYTES, 3));
    }

    @Test
    void extrapolatesMemoryBeyondTheLargestTrainedInputAlongTheModelsOwnSlope() {
        UsageModel model = result.model();
        Set<String> order = Set.of("blur", "grayscale");
        assertEquals(new ModelMetadata.InputRange(500_000, 4_000_000), model.metadata().trainedInputs().get("blur"));
        for (long pixels : new long[] {8_000_000, 16_000_000}) {
            double expected = GeneratedUsage.memory("blur", pixels, 3);
            assertEquals(expected, model.predict(order, "blur", pixels, Map.of(), Resource.MEMORY_BYTES, 3),
                    0.05 * expected,
                    "blur memory on " + pixels + " pixels");
            double[] run = model.overRun(order, "blur", pixels, Map.of(), Resource.MEMORY_BYTES, 6);
            assertEquals(model.predict(order, "blur", pixels, Map.of(), Resource.MEMORY_BYTES, 3),
                    run[(int) (3 / UsageModel.STEP_SECONDS)], 1e-6, "a run is extrapolated as a single answer is");
            // The highest of 13 noisy half-second answers, stretched: above the profile, by the noise's tail.
            assertEquals(expected, java.util.Arrays.stream(run).max().orElseThrow(), 0.10 * expected);
        }
        assertEquals(GeneratedUsage.cpu("blur", order, 3),
                model.predict(order, "blur", 16_000_000, Map.of(), Resource.CPU_MILLICORES, 3), 0.05 * 900,
                "CPU is not extrapolated: a core's rate does not grow with the image");
        double grayscale = model.predict(order, "grayscale", 16_000_000, Map.of(), Resource.MEMORY_BYTES, 3);
        // Grayscale's memory does not grow with the image; the model's small noise between its smallest and largest
        // input is stretched 3.4x at four times the largest, so it stays level within 15%, not 5%.
        assertEquals(80 * GeneratedUsage.MIB, grayscale, 0.15 * 80 * GeneratedUsage.MIB,
                "no growth with size learnt, little extrapolated");
    }

    @Test
    void limitsCoverTheWholeRunsOfNewOrdersAtAboutTheStatedRate() {
        UsageModel model = result.model();
        List<UsageRow> fresh = GeneratedUsage.orders(60, 99);
        int runs = 0;
        int covered = 0;
        for (TaskRun run : TaskRun.of(fresh)) {
            double[] predicted = model.overRun(run.orderServices(), run.service(), run.inputPixels(), run.params(),
                    run.resource(), model.metadata().expectedSeconds().get(run.service()));
            runs++;
            covered += run.actualPeak() <= model.limit(predicted, run.service(), run.resource()) ? 1 : 0;
        }
        assertTrue((double) covered / runs >= 0.9, covered + " of " + runs + " runs under their limit");
    }

    @Test
    void learnsThatAServiceDependsOnItsOrder() {
        double withBlur = result.model().predict(Set.of("blur", "grayscale"), "grayscale", 1_000_000, Map.of(),
                Resource.CPU_MILLICORES, 3);
        double alone = result.model().predict(Set.of("grayscale"), "grayscale", 1_000_000, Map.of(),
                Resource.CPU_MILLICORES, 3);
        assertTrue(withBlur - alone > 50, "grayscale with blur " + withBlur + " vs alone " + alone);
    }

    @Test
    void everyCandidateIsScoredAndTheBestWins() {
        ModelMetadata m = result.model().metadata();
        assertEquals(Candidate.values().length, m.candidates().size());
        double best = m.candidates().stream().mapToDouble(ModelMetadata.CandidateScore::scaledRmse).min().orElseThrow();
        assertEquals(best, m.candidates().stream().filter(c -> c.algorithm().equals(m.algorithm())).findFirst()
                .orElseThrow().scaledRmse());
        assertTrue(PROGRESS.stream().anyMatch(p -> p.stage().equals("candidate")));
        for (String sgd : List.of("linear-sgd", "factorization-machine")) {
            List<TrainingProgress> curve = PROGRESS.stream().filter(p -> p.isLoss() && p.candidate().equals(sgd))
                    .toList();
            assertTrue(curve.size() >= SgdHyperparameters.STANDARD.epochs(), sgd + " reports its loss at least once an epoch");
            assertTrue(curve.get(curve.size() - 1).loss() < curve.get(0).loss(), sgd + " loss falls");
        }
        assertEquals(1.0, PROGRESS.get(PROGRESS.size() - 1).fractionDone());
    }

    @Test
    void upperBoundsCoverTheHeldOutSamplesAtTheStatedRate() {
        for (ModelMetadata.ResourceError error : result.model().metadata().errors()) {
            if (error.resource() == Resource.CPU_MILLICORES || error.resource() == Resource.MEMORY_BYTES) {
                assertTrue(error.coverage() >= 0.94, error.resource() + " coverage " + error.coverage());
            }
        }
        assertTrue(result.model().upperBound(Set.of("blur"), "blur", 1_000_000, Map.of(), Resource.CPU_MILLICORES, 1)
                > result.model().predict(Set.of("blur"), "blur", 1_000_000, Map.of(), Resource.CPU_MILLICORES, 1));
    }

    @Test
    void judgesEveryRecommenderOnTheHeldOutOrders() {
        List<ModelMetadata.BacktestScore> backtest = result.model().metadata().backtest();
        assertTrue(backtest.stream().anyMatch(s -> s.recommender().equals(ModelTrainer.ML_RECOMMENDER)));
        assertTrue(backtest.stream().anyMatch(s -> s.recommender().equals("vpa-simple")));
        assertTrue(backtest.stream().allMatch(s -> s.slackPct() >= 0 && s.overrunPct() >= 0 && s.series() > 0));
        for (Resource resource : List.of(Resource.CPU_MILLICORES, Resource.MEMORY_BYTES)) {
            ModelMetadata.BacktestScore vpa = row(backtest, "vpa-simple", resource);
            ModelMetadata.BacktestScore hindsight = row(backtest, Hindsight.NAME, resource);
            assertTrue(hindsight.overrunPct() <= vpa.overrunPct() + 1e-9, "the yardstick stays at vpa's overrun");
            assertEquals(vpa.series(), hindsight.series());
        }
    }

    private static ModelMetadata.BacktestScore row(List<ModelMetadata.BacktestScore> backtest, String recommender,
                                                   Resource resource) {
        return backtest.stream().filter(s -> s.recommender().equals(recommender) && s.resource() == resource)
                .findFirst().orElseThrow(() -> new AssertionError("no " + recommender + " row for " + resource));
    }

    @Test
    void aSavedModelLoadsAndPredictsTheSame(@TempDir Path dir) throws Exception {
        ModelStore store = new ModelStore(dir);
        UsageModel readBack = store.save(result.model());
        UsageModel loaded = store.load().orElseThrow();
        try (var files = Files.list(dir)) {
            assertEquals(Set.of(ModelStore.MODEL_FILE, ModelStore.METADATA_FILE),
                    files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "the staging directory is gone");
        }
        Set<String> order = Set.of("blur", "resize");
        Map<String, Double> scale1 = GeneratedUsage.params("resize", 1.0);
        for (Resource r : List.of(Resource.CPU_MILLICORES, Resource.MEMORY_BYTES)) {
            assertEquals(result.model().predict(order, "resize", 2_000_000, scale1, r, 5),
                    loaded.predict(order, "resize", 2_000_000, scale1, r, 5), 1e-9);
            assertEquals(loaded.predict(order, "resize", 2_000_000, scale1, r, 5),
                    readBack.predict(order, "resize", 2_000_000, scale1, r, 5), 1e-9);
            assertEquals(result.model().upperBound(order, "resize", 2_000_000, scale1, r, 5),
                    loaded.upperBound(order, "resize", 2_000_000, scale1, r, 5), 1e-9);
        }
        assertEquals(result.model().metadata(), loaded.metadata());
        // The names models saved before read back by: a renamed field would lose their equal-overrun scores.
        var equal = Json.mapper().readTree(dir.resolve(ModelStore.METADATA_FILE).toFile()).get("backtest").get(0)
                .get("equalOverrun");
        List<String> fields = new ArrayList<>();
        equal.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("factor", "slackPct", "overrunPct"), fields);
    }

    @Test
    void aModelSavedBeforeRunLimitsAndExtrapolationLoadsAndKeepsItsSampleBounds(@TempDir Path dir) throws Exception {
        new ModelStore(dir).save(result.model());
        // What a model saved before lacks: run-level limits, trained input ranges, equal-overrun scores, parameters.
        ObjectNode json = (ObjectNode) Json.mapper().readTree(dir.resolve(ModelStore.METADATA_FILE).toFile());
        json.remove(List.of("peakCalibration", "trainedInputs", "paramFeatures"));
        json.withArray("backtest").forEach(row -> ((ObjectNode) row).remove("equalOverrun"));
        Files.writeString(dir.resolve(ModelStore.METADATA_FILE), json.toPrettyString());

        UsageModel old = new ModelStore(dir).load().orElseThrow();
        assertEquals(null, old.metadata().peakCalibration());
        Set<String> order = Set.of("blur", "grayscale");
        double[] run = old.overRun(order, "blur", 2_000_000, Map.of(), Resource.MEMORY_BYTES, 6);
        double peakOfSampleBounds = java.util.Arrays.stream(run)
                .map(p -> old.upperBound(p, "blur", Resource.MEMORY_BYTES)).max().orElseThrow();
        assertEquals(peakOfSampleBounds, old.limit(run, "blur", Resource.MEMORY_BYTES), 1e-6,
                "the limit is the peak of the sample bounds, as before (now over a run predicted every half second)");
        double modelSays = old.tribuoModel().predict(new FeatureSpace(Set.copyOf(old.metadata().services()), List.of())
                .query(order, "blur", 16_000_000, Map.of(), Resource.MEMORY_BYTES, 3)).getOutput().getValues()[0]
                * old.metadata().targetScales().get(Resource.MEMORY_BYTES);
        assertEquals(modelSays, old.predict(order, "blur", 16_000_000, Map.of(), Resource.MEMORY_BYTES, 3), 1e-6,
                "nothing is extrapolated without the trained ranges");
        assertTrue(result.model().predict(order, "blur", 16_000_000, Map.of(), Resource.MEMORY_BYTES, 3)
                > 1.2 * modelSays,
                "while the same model with them does");
    }

    @Test
    void writesTheTrainingPlots(@TempDir Path dir) throws Exception {
        TrainingPlots.write(dir, result);
        assertTrue(Files.size(dir.resolve(TrainingPlots.CANDIDATES_PNG)) > 1000);
        assertTrue(Files.size(dir.resolve(TrainingPlots.PREDICTED_VS_ACTUAL_PNG)) > 1000);
        assertTrue(Files.size(dir.resolve(TrainingPlots.LOSS_PNG)) > 1000);
    }

    @Test
    void refusesToTrainOnASingleOrder() {
        List<UsageRow> one = GeneratedUsage.orders(1, 1);
        assertThrows(TrainingException.class, () -> new ModelTrainer(List.of(Candidate.CART))
                .train(one, new TrainingOptions(0.25, 1, 0.95, 1), p -> { }));
        assertThrows(IllegalArgumentException.class, () -> new TrainingOptions(1.5, 1, 0.95, 1));
    }
}
