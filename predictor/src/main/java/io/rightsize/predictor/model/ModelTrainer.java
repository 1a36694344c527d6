package io.rightsize.predictor.model;

import io.rightsize.allocation.backtest.AllocationSeries;
import io.rightsize.allocation.backtest.Backtest;
import io.rightsize.allocation.backtest.BacktestResult;
import io.rightsize.allocation.backtest.Hindsight;
import io.rightsize.allocation.backtest.LostTime;
import io.rightsize.allocation.backtest.ScaledScore;
import io.rightsize.allocation.policy.Bounds;
import io.rightsize.allocation.policy.Capacity;
import io.rightsize.allocation.policy.DefaultAllocation;
import io.rightsize.allocation.policy.HistoryPolicy;
import io.rightsize.allocation.policy.ServiceUsage;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.recommend.ResourceKind;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.features.FeatureSpace;
import io.rightsize.predictor.features.UsageRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Trains every {@link Candidate} on the earlier orders, keeps the one with the lowest error on the first half of the
 * latest orders and calibrates its bounds there, then judges every recommender on the second half, which none of
 * that saw (the stored-data backtest).
 */
public final class ModelTrainer {

    /** The recommender name of the model-based allocation. */
    public static final String ML_RECOMMENDER = "rightsize-ml";
    static final List<Resource> ALLOCATED = List.of(Resource.CPU_MILLICORES, Resource.MEMORY_BYTES);
    /** A second lost running short costs ten reserved seconds wasted: the task, and all waiting on it, are late. */
    static final double RUNNING_SHORT_WEIGHT = 10;

    private final List<Candidate> candidates;
    private final HistoryPolicy served;
    private final Bounds bounds;

    /** {@code served} and {@code bounds}: the heuristics as Recommend serves them, which the backtest judges. */
    public ModelTrainer(List<Candidate> candidates, HistoryPolicy served, Bounds bounds) {
        this.candidates = List.copyOf(candidates);
        this.served = served;
        this.bounds = bounds;
    }

    /** With the standard default allocation and minimum history, bounded by this machine. */
    public ModelTrainer(List<Candidate> candidates) {
        this(candidates, new HistoryPolicy(DefaultAllocation.STANDARD, HistoryPolicy.DEFAULT_MIN_HISTORY_RUNS),
                Bounds.upTo(Capacity.ofThisMachine()));
    }

    public TrainingResult train(List<UsageRow> rows, TrainingOptions options, Consumer<TrainingProgress> progress) {
        Split split = Split.byOrderTime(rows, options.validationFraction());
        progress.accept(new TrainingProgress("data", split.describe(), 0.05));
        Map<Resource, Double> scales = targetScales(split.train());
        FeatureSpace features = new FeatureSpace(rows.stream().map(UsageRow::service).collect(Collectors.toSet()),
                FeatureSpace.paramKeys(rows));
        MutableDataset<Regressor> train = new MutableDataset<>(
                new SimpleDataSourceProvenance("rightsize samples", new RegressionFactory()), new RegressionFactory());
        // A row of unknown size (a task from before sizes were recorded) is learnt as the largest size trained on,
        // which is how the model is asked about an input of unknown size: "unknown" never teaches it about tiny
        // inputs. Only training orders count, so no held-out order's size reaches the model.
        Map<String, Long> largestInputPixels = split.train().stream().collect(Collectors.toMap(UsageRow::service,
                UsageRow::inputPixels, Math::max, java.util.TreeMap::new));
        ToLongFunction<UsageRow> pixels = row -> ModelMetadata.inputPixelsOrLargest(largestInputPixels, row.service(),
                row.inputPixels());
        for (UsageRow row : split.train()) {
            train.add(features.example(row, pixels.applyAsLong(row), row.value() / scales.get(row.resource())));
        }

        List<Example<Regressor>> calibrationExamples = queries(features, split.calibration(), pixels);
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
            double rmse = scaledRmse(predictScaled(model, calibrationExamples), split.calibration(), scales);
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

        // The chosen model as it will answer (extrapolating memory), before any bound is fitted.
        Map<String, Double> expectedSeconds = expectedSeconds(split.train());
        ModelMetadata draft = new ModelMetadata(options.version(), bestCandidate.algorithm(), Instant.now(),
                split.train().size(), split.heldOutRows(), features.services(), scales, expectedSeconds,
                null, List.of(), scores, List.of(), ML_RECOMMENDER, Tribuo.VERSION, largestInputPixels, null,
                trainedInputs(split.train()), features.params());
        UsageModel unCalibrated = new UsageModel(best, draft);

        // Chosen and calibrated on the calibration orders; errors, coverage and the backtest come from the test
        // orders, which neither saw (unless there were too few orders to hold out both).
        List<Calibration.Residual> calibrationResiduals = residuals(split.calibration(),
                asServed(unCalibrated, split.calibration(), predictScaled(best, calibrationExamples)));
        List<Calibration.Residual> testResiduals = split.separate()
                ? residuals(split.test(), asServed(unCalibrated, split.test(),
                        predictScaled(best, queries(features, split.test(), pixels))))
                : calibrationResiduals;
        Calibration calibration = Calibration.fit(options.coverage(), calibrationResiduals, scales);
        List<ModelMetadata.ResourceError> errors = errors(testResiduals, calibration);
        List<TrainingResult.ValidationPoint> points = testResiduals.stream()
                .map(r -> new TrainingResult.ValidationPoint(r.resource().wireName(),
                        (r.predicted() + r.error()) / scales.get(r.resource()), r.predicted() / scales.get(r.resource())))
                .toList();
        Map<String, PeakCalibration.TaskPeak> calibrationPeaks = taskPeaks(unCalibrated, split.calibration(),
                expectedSeconds);
        Map<String, PeakCalibration.TaskPeak> testPeaks = split.separate()
                ? taskPeaks(unCalibrated, split.test(), expectedSeconds) : calibrationPeaks;
        PeakCalibration peaks = PeakCalibration.fit(options.coverage(), calibrationPeaks.values(), scales);

        progress.accept(new TrainingProgress("backtest", "judging every recommender on the test orders", 0.9));
        List<ModelMetadata.BacktestScore> backtest = backtest(split, testPeaks, peaks);
        String winner = winner(backtest);
        // Served with bounds refit on every held-out order: the backtest judged them fitted on half as many.
        Calibration servedCalibration = split.separate() ? Calibration.fit(options.coverage(),
                concat(calibrationResiduals, testResiduals), scales) : calibration;
        PeakCalibration servedPeaks = split.separate() ? PeakCalibration.fit(options.coverage(),
                concat(calibrationPeaks.values(), testPeaks.values()), scales) : peaks;
        ModelMetadata metadata = new ModelMetadata(draft.version(), draft.algorithm(), draft.trainedAt(),
                draft.trainingRows(), draft.validationRows(), draft.services(), scales, expectedSeconds,
                servedCalibration, errors, scores, backtest, winner, Tribuo.VERSION, largestInputPixels, servedPeaks,
                draft.trainedInputs(), draft.paramFeatures());
        progress.accept(new TrainingProgress("done", bestCandidate.algorithm() + " won; backtest winner: " + winner,
                1.0));
        return new TrainingResult(new UsageModel(best, metadata), points, lossCurves);
    }

    /** Each service's smallest and largest known input among the training samples. */
    private static Map<String, ModelMetadata.InputRange> trainedInputs(List<UsageRow> train) {
        Map<String, ModelMetadata.InputRange> ranges = new java.util.TreeMap<>();
        for (UsageRow row : train) {
            if (row.inputPixels() > 0) {
                ranges.merge(row.service(), new ModelMetadata.InputRange(row.inputPixels(), row.inputPixels()),
                        (a, b) -> new ModelMetadata.InputRange(Math.min(a.smallest(), b.smallest()),
                                Math.max(a.largest(), b.largest())));
            }
        }
        return ranges;
    }

    private static List<Example<Regressor>> queries(FeatureSpace features, List<UsageRow> rows,
                                                    ToLongFunction<UsageRow> pixels) {
        return rows.stream().map(row -> features.query(row.orderServices(), row.service(), pixels.applyAsLong(row),
                row.params(), row.resource(), row.elapsedSeconds())).toList();
    }

    /**
     * Predictions in each resource's unit as {@link UsageModel#predict} gives them: the batch's, except where memory
     * is extrapolated beyond the trained inputs (then one by one, as served).
     */
    private static double[] asServed(UsageModel model, List<UsageRow> rows, double[] predictedScaled) {
        double[] predicted = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            UsageRow row = rows.get(i);
            long pixels = model.metadata().inputPixelsOrLargest(row.service(), row.inputPixels());
            predicted[i] = model.extrapolates(row.service(), pixels, row.resource())
                    ? model.predict(row.orderServices(), row.service(), row.inputPixels(), row.params(),
                            row.resource(), row.elapsedSeconds())
                    : Math.max(0, predictedScaled[i] * model.metadata().targetScales().get(row.resource()));
        }
        return predicted;
    }

    private static List<Calibration.Residual> residuals(List<UsageRow> rows, double[] predicted) {
        List<Calibration.Residual> residuals = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            UsageRow row = rows.get(i);
            residuals.add(new Calibration.Residual(row.service(), row.resource(), predicted[i],
                    row.value() - predicted[i]));
        }
        return residuals;
    }

    private static <T> List<T> concat(java.util.Collection<T> a, java.util.Collection<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Each held-out task's allocated resources: the peak of the run the model predicts for it (as Recommend asks,
     * over the service's expected run length) and the peak it reached, by {@link TaskRun#key}.
     */
    private static Map<String, PeakCalibration.TaskPeak> taskPeaks(UsageModel model, List<UsageRow> rows,
                                                                   Map<String, Double> expectedSeconds) {
        Map<String, PeakCalibration.TaskPeak> peaks = new LinkedHashMap<>();
        for (TaskRun run : TaskRun.of(rows)) {
            double[] predicted = model.overRun(run.orderServices(), run.service(), run.inputPixels(), run.params(),
                    run.resource(), expectedSeconds.getOrDefault(run.service(), 10.0));
            peaks.put(run.key(), new PeakCalibration.TaskPeak(run.service(), run.resource(),
                    Arrays.stream(predicted).max().orElse(0), run.actualPeak()));
        }
        return peaks;
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

    /** Error and coverage per resource, on residuals the calibration was not fitted on (when there are any). */
    private static List<ModelMetadata.ResourceError> errors(List<Calibration.Residual> residuals,
                                                            Calibration calibration) {
        List<ModelMetadata.ResourceError> errors = new ArrayList<>();
        for (Resource resource : Resource.values()) {
            double sq = 0;
            double abs = 0;
            int covered = 0;
            int n = 0;
            for (Calibration.Residual r : residuals) {
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

    /**
     * Every recommender on the test orders' samples: the model's limit for each task from its predicted peak and the
     * run-level calibration fitted without the test orders; each heuristic's one allocation per service from every
     * earlier sample (training and calibration orders).
     */
    private List<ModelMetadata.BacktestScore> backtest(Split split, Map<String, PeakCalibration.TaskPeak> testPeaks,
                                                       PeakCalibration peaks) {
        Map<String, List<UsageRow>> history = new HashMap<>();
        for (UsageRow row : split.historyInTimeOrder()) {
            history.computeIfAbsent(row.service() + "|" + row.resource(), k -> new ArrayList<>()).add(row);
        }
        Map<String, Double> mlLimits = new HashMap<>();
        testPeaks.forEach((task, peak) -> mlLimits.put(task,
                peaks.limit(peak.service(), peak.resource(), peak.predictedPeak())));
        List<String> names = new ArrayList<>();
        names.add(ML_RECOMMENDER);
        Recommenders.all().forEach(r -> names.add(r.name()));
        List<ModelMetadata.BacktestScore> scores = new ArrayList<>();
        for (Resource resource : ALLOCATED) {
            Map<String, AllocationSeries> byRecommender = new LinkedHashMap<>();
            Map<String, LostTime> lost = new HashMap<>();
            ResourceKind kind = resource == Resource.CPU_MILLICORES ? ResourceKind.CPU : ResourceKind.MEMORY;
            for (String name : names) {
                AllocationSeries fits = new AllocationSeries();
                LostTime lostTime = new LostTime(kind);
                Map<String, Double> heuristicAllocations = new HashMap<>();
                for (UsageRow row : split.test()) {
                    List<UsageRow> past = history.get(row.service() + "|" + resource);
                    if (row.resource() != resource || past == null || past.isEmpty()) {
                        continue;
                    }
                    // The model answers each task for its own input; a heuristic gives a service one allocation.
                    double allocation = name.equals(ML_RECOMMENDER) ? mlLimits.get(TaskRun.key(row))
                            : heuristicAllocations.computeIfAbsent(row.service(), k -> heuristic(name, row.service(),
                                    resource, history));
                    fits.add(row.service(), allocation, row.value());
                    lostTime.add(TaskRun.key(row), allocation, row.value());
                }
                if (fits.series() > 0) {
                    byRecommender.put(name, fits);
                    lost.put(name, lostTime);
                }
            }
            Map<String, ScaledScore> own = new LinkedHashMap<>();
            byRecommender.forEach((name, fits) -> own.put(name, fits.score(1)));
            double lowestOverrun = own.values().stream().mapToDouble(ScaledScore::overrunPct).min()
                    .orElse(0);
            byRecommender.forEach((name, fits) -> {
                scores.add(new ModelMetadata.BacktestScore(name, resource, own.get(name).slackPct(),
                        own.get(name).overrunPct(), fits.series(), fits.atOverrun(lowestOverrun).orElse(null),
                        lost.get(name).percent()));
            });
            AllocationSeries vpa = byRecommender.get(Backtest.REFERENCE);
            if (vpa != null) {
                // What the data allowed: one allocation per service chosen knowing the test samples, at vpa's
                // overrun. Not a recommender: it never wins, and the room left to win is the distance to it.
                BacktestResult bound = Hindsight.atOverrun(resource.name(), vpa.usage(),
                        own.get(Backtest.REFERENCE).overrunPct());
                scores.add(new ModelMetadata.BacktestScore(Hindsight.NAME, resource, bound.slackPct(),
                        bound.overrunPct(), bound.series()));
            }
        }
        return scores;
    }

    /**
     * A heuristic's limit for a service as Recommend would serve it: over the newest {@link ServiceUsage#MAX_SAMPLES}
     * valid samples of each resource, the default while fewer than the minimum runs have samples, rounded and
     * bounded. (The OOM floor and the size model are not replayed: they answer events and inputs the rows lack.)
     */
    private double heuristic(String recommender, String service, Resource resource,
                             Map<String, List<UsageRow>> history) {
        List<UsageRow> cpu = newest(history.getOrDefault(service + "|" + Resource.CPU_MILLICORES, List.of()));
        List<UsageRow> memory = newest(history.getOrDefault(service + "|" + Resource.MEMORY_BYTES, List.of()));
        Set<String> runs = new HashSet<>();
        cpu.forEach(r -> runs.add(runKey(r)));
        memory.forEach(r -> runs.add(runKey(r)));
        ServiceUsage usage = new ServiceUsage(runs.size(), cpu.stream().mapToDouble(UsageRow::value).toArray(),
                memory.stream().mapToDouble(UsageRow::value).toArray());
        Allocation a = bounds.apply(served.allocate(Recommenders.byName(recommender).orElseThrow(), usage,
                recommender, "default")).allocation();
        return resource == Resource.CPU_MILLICORES ? a.cpuLimitMillicores() : a.memoryLimitBytes();
    }

    /** The newest samples a stored history would give: valid ones only, at most {@link ServiceUsage#MAX_SAMPLES}. */
    private static List<UsageRow> newest(List<UsageRow> inTimeOrder) {
        List<UsageRow> valid = inTimeOrder.stream().filter(r -> r.value() >= 0 && Double.isFinite(r.value())).toList();
        return valid.subList(Math.max(0, valid.size() - ServiceUsage.MAX_SAMPLES), valid.size());
    }

    /** One task's run, whatever the resource. */
    private static String runKey(UsageRow row) {
        return row.orderId() + "|" + row.service() + "|" + row.inputPixels() + "|" + row.params().hashCode();
    }

    /**
     * The backtest winner (of the recommenders, not the hindsight yardstick): the least {@link
     * ModelMetadata.BacktestScore#cost}, averaged over CPU and memory. Running short is priced by the time it loses,
     * so an OOM kill (its whole attempt) weighs far more than a throttled second (its excess).
     */
    static String winner(List<ModelMetadata.BacktestScore> backtest) {
        return backtest.stream()
                .filter(s -> !s.recommender().equals(Hindsight.NAME))
                .collect(Collectors.groupingBy(ModelMetadata.BacktestScore::recommender,
                        Collectors.averagingDouble(ModelMetadata.BacktestScore::cost)))
                .entrySet().stream()
                .min(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse("vpa");
    }

    /**
     * One task's samples of one allocated resource, in first-seen order. A task is known here by its order, service,
     * input size and parameters.
     */
    record TaskRun(String key, Set<String> orderServices, String service, long inputPixels, Map<String, Double> params,
                   Resource resource, double actualPeak) {

        static String key(UsageRow row) {
            // Parameters by their hash: equal maps hash alike, and two tasks of one order, service and input size
            // whose different parameters collide are not worth a string per sample.
            return row.orderId() + "|" + row.service() + "|" + row.inputPixels() + "|" + row.params().hashCode() + "|"
                    + row.resource();
        }

        static List<TaskRun> of(List<UsageRow> rows) {
            Map<String, TaskRun> runs = new LinkedHashMap<>();
            for (UsageRow row : rows) {
                if (ALLOCATED.contains(row.resource())) {
                    String key = key(row);
                    runs.merge(key, new TaskRun(key, row.orderServices(), row.service(), row.inputPixels(),
                            row.params(), row.resource(), row.value()),
                            (a, b) -> a.actualPeak() >= b.actualPeak() ? a : b);
                }
            }
            return List.copyOf(runs.values());
        }
    }

    /**
     * Rows split by order time: the earliest orders train; the latest are held out, their earlier half to choose the
     * candidate and calibrate, their later half to test. With a single held-out order both use it (separate false).
     */
    record Split(List<UsageRow> train, List<UsageRow> calibration, List<UsageRow> test, int trainOrders,
                 int calibrationOrders, int testOrders, boolean separate) {

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
            int testOrders = held / 2;
            int firstHeld = orders.size() - held;
            Set<String> calibrationOrders = new HashSet<>(orders.subList(firstHeld, orders.size() - testOrders));
            Set<String> testSet = new HashSet<>(orders.subList(orders.size() - testOrders, orders.size()));
            List<UsageRow> train = new ArrayList<>();
            List<UsageRow> calibration = new ArrayList<>();
            List<UsageRow> test = new ArrayList<>();
            for (UsageRow row : rows) {
                (testSet.contains(row.orderId()) ? test
                        : calibrationOrders.contains(row.orderId()) ? calibration : train).add(row);
            }
            if (testOrders == 0) {
                return new Split(train, calibration, calibration, firstHeld, held, held, false);
            }
            return new Split(train, calibration, test, firstHeld, held - testOrders, testOrders, true);
        }

        int heldOutRows() {
            return separate ? calibration.size() + test.size() : calibration.size();
        }

        /** What a heuristic may learn from before the test orders: every earlier sample, in time order. */
        List<UsageRow> historyInTimeOrder() {
            List<UsageRow> history = separate ? concat(train, calibration) : train;
            return history.stream().sorted(Comparator.comparingLong(UsageRow::orderSubmittedMillis)
                    .thenComparingDouble(UsageRow::elapsedSeconds)).toList();
        }

        String describe() {
            String held = calibration.size() + " samples of " + orders(calibrationOrders) + " to choose and calibrate";
            return train.size() + " training samples from " + orders(trainOrders) + "; held out: " + held + ", "
                    + (separate ? test.size() + " of " + orders(testOrders) + " to test"
                    : "the same order to test (too few orders to hold out both)");
        }

        private static String orders(int n) {
            return n + (n == 1 ? " order" : " orders");
        }
    }
}
