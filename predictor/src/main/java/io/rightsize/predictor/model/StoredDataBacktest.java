package io.rightsize.predictor.model;

import io.rightsize.allocation.backtest.AllocationSeries;
import io.rightsize.allocation.backtest.Backtest;
import io.rightsize.allocation.backtest.BacktestResult;
import io.rightsize.allocation.backtest.Hindsight;
import io.rightsize.allocation.backtest.LostTime;
import io.rightsize.allocation.backtest.ScaledScore;
import io.rightsize.allocation.policy.Bounds;
import io.rightsize.allocation.policy.HistoryPolicy;
import io.rightsize.allocation.policy.ServiceUsage;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.recommend.ResourceKind;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.features.UsageRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every recommender on the test orders' samples: the model's limit for each task from its predicted peak and the
 * run-level calibration fitted without the test orders; each heuristic's one allocation per service from every
 * earlier sample (training and calibration orders), as Recommend serves it.
 */
final class StoredDataBacktest {

    private final HistoryPolicy served;
    private final Bounds bounds;

    /** {@code served} and {@code bounds}: the heuristics as Recommend serves them. */
    StoredDataBacktest(HistoryPolicy served, Bounds bounds) {
        this.served = served;
        this.bounds = bounds;
    }

    /**
     * @param testPeaks the test orders' tasks, by {@link TaskRun#key}
     * @param peaks     the run limits fitted without the test orders
     */
    List<ModelMetadata.BacktestScore> run(OrderTimeSplit split, Map<String, PeakCalibration.TaskPeak> testPeaks,
                                          PeakCalibration peaks) {
        Map<String, List<UsageRow>> history = new HashMap<>();
        for (UsageRow row : split.historyInTimeOrder()) {
            history.computeIfAbsent(row.service() + "|" + row.resource(), k -> new ArrayList<>()).add(row);
        }
        Map<String, Double> mlLimits = new HashMap<>();
        testPeaks.forEach((task, peak) -> mlLimits.put(task,
                peaks.limit(peak.service(), peak.resource(), peak.predictedPeak())));
        List<String> names = new ArrayList<>();
        names.add(ModelTrainer.ML_RECOMMENDER);
        Recommenders.all().forEach(r -> names.add(r.name()));
        List<ModelMetadata.BacktestScore> scores = new ArrayList<>();
        Map<String, ServiceUsage> usages = new HashMap<>();
        for (Resource resource : TaskRun.ALLOCATED) {
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
                    double allocation = name.equals(ModelTrainer.ML_RECOMMENDER) ? mlLimits.get(TaskRun.key(row))
                            : heuristicAllocations.computeIfAbsent(row.service(), k -> heuristic(name, resource,
                                    usages.computeIfAbsent(row.service(), s -> usage(s, history))));
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
                // What the data allowed: one allocation per service chosen knowing the test samples, at vpa-simple's
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
    private double heuristic(String recommender, Resource resource, ServiceUsage usage) {
        Allocation a = bounds.apply(served.allocate(Recommenders.byName(recommender).orElseThrow(), usage,
                recommender, "default")).allocation();
        return resource == Resource.CPU_MILLICORES ? a.cpuLimitMillicores() : a.memoryLimitBytes();
    }

    /** A service's history as the stored one would read it, built once for every recommender and resource. */
    private static ServiceUsage usage(String service, Map<String, List<UsageRow>> history) {
        List<UsageRow> cpu = newest(history.getOrDefault(service + "|" + Resource.CPU_MILLICORES, List.of()));
        List<UsageRow> memory = newest(history.getOrDefault(service + "|" + Resource.MEMORY_BYTES, List.of()));
        Set<String> runs = new HashSet<>();
        cpu.forEach(r -> runs.add(runKey(r)));
        memory.forEach(r -> runs.add(runKey(r)));
        return new ServiceUsage(runs.size(), cpu.stream().mapToDouble(UsageRow::value).toArray(),
                memory.stream().mapToDouble(UsageRow::value).toArray());
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
}
