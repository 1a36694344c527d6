package io.rightsize.predictor.model;

import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.recommend.ResourceKind;
import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.features.FeatureSpace;
import io.rightsize.predictor.features.UsageRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Tribuo;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Trains every {@link Candidate} on the earlier orders, keeps the one with the lowest error on the latest orders,
 * calibrates its upper bounds there, and judges every recommender there too (the stored-data backtest).
 */
public final class ModelTrainer {

    /** The recommender name of the model-based allocation. */
    public static final String ML_RECOMMENDER = "rightsize-ml";
    static final List<Resource> ALLOCATED = List.of(Resource.CPU_MILLICORES, Resource.MEMORY_BYTES);
    static final double OVERRUN_WEIGHT = 10;

    private final List<Candidate> candidates;

    public ModelTrainer(List<Candidate> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    public TrainingResult train(List<UsageRow> rows, TrainingOptions options, Consumer<TrainingProgress> progress) {
        Split split = Split.byOrderTime(rows, options.validationFraction());
        progress.accept(new TrainingProgress("data", split.train().size() + " training and " + split.validation().size()
                + " validation samples from " + split.trainOrders() + " + " + split.validationOrders() + " orders", 0.05));
        Map<Resource, Double> scales = targetScales(split.train());
        FeatureSpace features = new FeatureSpace(rows.stream().map(UsageRow::service).collect(Collectors.toSet()));
        MutableDataset<Regressor> train = new MutableDataset<>(
                new SimpleDataSourceProvenance("rightsize samples", new RegressionFactory()), new RegressionFactory());
        // A row of unknown size (a task from before sizes were recorded) is learnt as the largest size seen, which is
        // how the model is asked about an input of unknown size: "unknown" never teaches it about tiny inputs.
        Map<String, Long> largestInputPixels = rows.stream().collect(Collectors.toMap(UsageRow::service,
                UsageRow::inputPixels, Math::max, java.util.TreeMap::new));
        ToLongFunction<UsageRow> pixels = row -> ModelMetadata.inputPixelsOrLargest(largestInputPixels, row.service(),
                row.inputPixels());
        for (UsageRow row : split.train()) {
            train.add(features.example(row, pixels.applyAsLong(row), row.value() / scales.get(row.resource())));
        }

        List<Example<Regressor>> validationExamples = split.validation().stream()
                .map(row -> features.query(row.orderServices(), row.service(), pixels.applyAsLong(row),
                        row.resource(), row.elapsedSeconds()))
                .toList();
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
                model = candidate.trainer(options.seed(), lossInterval).train(train);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rmse = scaledRmse(predictScaled(model, validationExamples), split.validation(), scales);
            scores.add(new ModelMetadata.CandidateScore(candidate.algorithm(), rmse, seconds));
            progress.accept(new TrainingProgress("candidate", String.format(java.util.Locale.ROOT,
                    "%s: validation RMSE %.4f (scaled), trained in %.1f s", candidate.algorithm(), rmse, seconds),
                    0.1 + 0.7 * (i + 1) / candidates.size()));
            if (rmse < bestRmse) {
                bestRmse = rmse;
                best = model;
                bestCandidate = candidate;
            }
        }

        List<Calibration.Residual> residuals = new ArrayList<>();
        List<TrainingResult.ValidationPoint> points = new ArrayList<>();
        double[] bestScaled = predictScaled(best, validationExamples);
        for (int i = 0; i < split.validation().size(); i++) {
            UsageRow row = split.validation().get(i);
            double scale = scales.get(row.resource());
            double predicted = Math.max(0, bestScaled[i] * scale);
            residuals.add(new Calibration.Residual(row.service(), row.resource(), predicted, row.value() - predicted));
            points.add(new TrainingResult.ValidationPoint(row.resource().wireName(), row.value() / scale,
                    predicted / scale));
        }
        Calibration calibration = Calibration.fit(options.coverage(), residuals, scales);
        List<ModelMetadata.ResourceError> errors = errors(split.validation(), residuals, calibration);
        Map<String, Double> expectedSeconds = expectedSeconds(split.train());

        ModelMetadata draft = new ModelMetadata(options.version(), bestCandidate.algorithm(), Instant.now(),
                split.train().size(), split.validation().size(), features.services(), scales, expectedSeconds,
                calibration, errors, scores, List.of(), ML_RECOMMENDER, Tribuo.VERSION, largestInputPixels);
        UsageModel model = new UsageModel(best, draft);
        progress.accept(new TrainingProgress("backtest", "judging every recommender on the held-out orders", 0.9));
        List<ModelMetadata.BacktestScore> backtest = backtest(model, split, expectedSeconds);
        String winner = winner(backtest);
        ModelMetadata metadata = new ModelMetadata(draft.version(), draft.algorithm(), draft.trainedAt(),
                draft.trainingRows(), draft.validationRows(), draft.services(), scales, expectedSeconds, calibration,
                errors, scores, backtest, winner, Tribuo.VERSION, largestInputPixels);
        progress.accept(new TrainingProgress("done", bestCandidate.algorithm() + " won; backtest winner: " + winner,
                1.0));
        return new TrainingResult(new UsageModel(best, metadata), points, lossCurves);
    }

    /** Predicts a whole list in one call: per-example calls cost XGBoost a native matrix each. */
    private static double[] predictScaled(Model<Regressor> model, List<Example<Regressor>> examples) {
        return model.predict(examples).stream().mapToDouble(p -> p.getOutput().getValues()[0]).toArray();
    }

    private static double scaledRmse(double[] predictedScaled, List<UsageRow> rows, Map<Resource, Double> scales) {
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            UsageRow row = rows.get(i);
            double error = row.value() / scales.get(row.resource()) - Math.max(0, predictedScaled[i]);
            sum += error * error;
        }
        return Math.sqrt(sum / rows.size());
    }

    /** Targets are divided by the resource's 99th percentile so CPU millicores and memory bytes weigh alike. */
    private static Map<Resource, Double> targetScales(List<UsageRow> rows) {
        Map<Resource, Double> scales = new EnumMap<>(Resource.class);
        for (Resource resource : Resource.values()) {
            double[] values = rows.stream().filter(r -> r.resource() == resource).mapToDouble(UsageRow::value)
                    .sorted().toArray();
            double p99 = values.length == 0 ? 1 : values[(int) Math.min(values.length - 1, Math.floor(values.length * 0.99))];
            scales.put(resource, p99 > 0 ? p99 : 1);
        }
        return scales;
    }

    private static List<ModelMetadata.ResourceError> errors(List<UsageRow> rows, List<Calibration.Residual> residuals,
                                                            Calibration calibration) {
        List<ModelMetadata.ResourceError> errors = new ArrayList<>();
        for (Resource resource : Resource.values()) {
            double sq = 0;
            double abs = 0;
            int covered = 0;
            int n = 0;
            for (int i = 0; i < rows.size(); i++) {
                Calibration.Residual r = residuals.get(i);
                if (r.resource() != resource) {
                    continue;
                }
                n++;
                sq += r.error() * r.error();
                abs += Math.abs(r.error());
                if (r.predicted() + r.error() <= calibration.bound(r.service(), resource, r.predicted())) {
                    covered++;
                }
            }
            if (n > 0) {
                errors.add(new ModelMetadata.ResourceError(resource, Math.sqrt(sq / n), abs / n, (double) covered / n));
            }
        }
        return errors;
    }

    /** The 75th percentile of each service's run length, from the seconds its samples reach. */
    private static Map<String, Double> expectedSeconds(List<UsageRow> rows) {
        Map<String, Map<String, Double>> runLength = new HashMap<>();
        for (UsageRow row : rows) {
            runLength.computeIfAbsent(row.service(), k -> new HashMap<>())
                    .merge(row.orderId(), row.elapsedSeconds(), Math::max);
        }
        Map<String, Double> expected = new LinkedHashMap<>();
        runLength.forEach((service, byOrder) -> {
            double[] lengths = byOrder.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            expected.put(service, lengths[(int) Math.min(lengths.length - 1, Math.floor(lengths.length * 0.75))]);
        });
        return expected;
    }

    private static List<ModelMetadata.BacktestScore> backtest(UsageModel model, Split split,
                                                              Map<String, Double> expectedSeconds) {
        Map<String, List<UsageRow>> history = new HashMap<>();
        for (UsageRow row : split.trainInTimeOrder()) {
            history.computeIfAbsent(row.service() + "|" + row.resource(), k -> new ArrayList<>()).add(row);
        }
        List<ModelMetadata.BacktestScore> scores = new ArrayList<>();
        List<String> names = new ArrayList<>();
        names.add(ML_RECOMMENDER);
        Recommenders.all().forEach(r -> names.add(r.name()));
        for (String name : names) {
            for (Resource resource : ALLOCATED) {
                Map<String, SeriesScore> perSeries = new HashMap<>();
                // One allocation per task context, as Recommend would give it, not one per sample.
                Map<String, Double> allocations = new HashMap<>();
                for (UsageRow row : split.validation()) {
                    List<UsageRow> past = history.get(row.service() + "|" + resource);
                    if (row.resource() != resource || past == null || past.isEmpty()) {
                        continue;
                    }
                    // The model answers each task for its own input; a heuristic gives a service one allocation.
                    String context = name.equals(ML_RECOMMENDER)
                            ? row.orderId() + "|" + row.service() + "|" + row.inputPixels() : row.service();
                    double allocation = allocations.computeIfAbsent(context,
                            k -> allocation(name, model, row, past, expectedSeconds));
                    perSeries.computeIfAbsent(row.service(), k -> new SeriesScore()).add(allocation, row.value());
                }
                int series = perSeries.size();
                double slack = perSeries.values().stream().mapToDouble(SeriesScore::slack).sum();
                double overrun = perSeries.values().stream().mapToDouble(SeriesScore::overrun).sum();
                if (series > 0) {
                    scores.add(new ModelMetadata.BacktestScore(name, resource, 100 * slack / series,
                            100 * overrun / series, series));
                }
            }
        }
        return scores;
    }

    private static double allocation(String recommender, UsageModel model, UsageRow row, List<UsageRow> past,
                                     Map<String, Double> expectedSeconds) {
        if (recommender.equals(ML_RECOMMENDER)) {
            return model.peakUpperBoundOverRun(row.orderServices(), row.service(), row.inputPixels(), row.resource(),
                    expectedSeconds.getOrDefault(row.service(), 10.0));
        }
        Recommender heuristic = Recommenders.byName(recommender).orElseThrow();
        double[] values = past.stream().mapToDouble(UsageRow::value).toArray();
        ResourceKind kind = row.resource() == Resource.CPU_MILLICORES ? ResourceKind.CPU : ResourceKind.MEMORY;
        return heuristic.recommend(kind, values).limit();
    }

    /**
     * The backtest winner: least slack + 10 x overrun, averaged over CPU and memory. Running short costs far more
     * than waste (a throttled or OOM-killed task), so one point of overrun weighs as much as ten points of slack.
     */
    static String winner(List<ModelMetadata.BacktestScore> backtest) {
        return backtest.stream()
                .collect(Collectors.groupingBy(ModelMetadata.BacktestScore::recommender,
                        Collectors.averagingDouble(s -> s.slackPct() + OVERRUN_WEIGHT * s.overrunPct())))
                .entrySet().stream()
                .min(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse("vpa");
    }

    /** Slack and overrun of one service-resource series, as the backtest defines them. */
    private static final class SeriesScore {
        private double unused;
        private double allocated;
        private int over;
        private int samples;

        void add(double allocation, double usage) {
            unused += Math.max(allocation - usage, 0);
            allocated += allocation;
            over += usage > allocation ? 1 : 0;
            samples++;
        }

        double slack() {
            return allocated > 0 ? unused / allocated : 0;
        }

        double overrun() {
            return (double) over / samples;
        }
    }

    /** Rows split by order: the latest orders are held out, so validation looks like the future. */
    record Split(List<UsageRow> train, List<UsageRow> validation, int trainOrders, int validationOrders) {

        static Split byOrderTime(List<UsageRow> rows, double validationFraction) {
            Map<String, Long> submitted = new HashMap<>();
            rows.forEach(r -> submitted.merge(r.orderId(), r.orderSubmittedMillis(), Math::min));
            if (submitted.size() < 2) {
                throw new TrainingException("training needs samples of at least 2 finished orders, found "
                        + submitted.size());
            }
            List<String> orders = submitted.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
            int held = Math.max(1, Math.min(orders.size() - 1, (int) Math.round(orders.size() * validationFraction)));
            Set<String> validationOrders = new HashSet<>(orders.subList(orders.size() - held, orders.size()));
            List<UsageRow> train = new ArrayList<>();
            List<UsageRow> validation = new ArrayList<>();
            for (UsageRow row : rows) {
                (validationOrders.contains(row.orderId()) ? validation : train).add(row);
            }
            return new Split(train, validation, orders.size() - held, held);
        }

        List<UsageRow> trainInTimeOrder() {
            return train.stream().sorted(Comparator.comparingLong(UsageRow::orderSubmittedMillis)
                    .thenComparingDouble(UsageRow::elapsedSeconds)).toList();
        }
    }
}
