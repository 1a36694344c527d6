package io.rightsize.predictor.recommend;

import io.rightsize.allocation.policy.AllocationConfig;
import io.rightsize.allocation.policy.Bounds;
import io.rightsize.allocation.policy.Capacity;
import io.rightsize.allocation.policy.HistoryPolicy;
import io.rightsize.allocation.policy.OomFloor;
import io.rightsize.allocation.policy.Rounding;
import io.rightsize.allocation.policy.ServiceUsage;
import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.size.MemoryBySize;
import io.rightsize.allocation.store.StoredUsage;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.config.PredictorConfig;
import io.rightsize.predictor.model.ModelTrainer;
import io.rightsize.predictor.model.UsageModel;
import io.rightsize.predictor.store.ServiceHistory;
import io.rightsize.tasks.catalog.TaskCatalog;
import io.rightsize.tasks.catalog.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Requests and limits for every task of an order. The model's: request = expected need (mean CPU, peak memory
 * over the expected run, but never above the limit), limit = the predicted run's peak scaled so that runs stay
 * under it with the stated coverage ({@link io.rightsize.predictor.model.PeakCalibration}). A heuristic's: its
 * request and limit over the service's stored samples. Never below a limit the service once ran out of memory under
 * (bumped as VPA does), nor below what the size model says an input larger than any run needs; always inside the
 * bounds, whose maximum defaults to this machine's capacity.
 */
@ApplicationScoped
public class AllocationService {

    private static final Logger LOG = Logger.getLogger(AllocationService.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);

    private final ModelHolder models;
    private final ServiceHistory history;
    private final StoredUsage usage;
    private final PredictorConfig config;
    private final HistoryPolicy historyPolicy;
    private final Bounds bounds;

    public AllocationService(ModelHolder models, ServiceHistory history, StoredUsage usage, PredictorConfig config,
                             AllocationConfig allocation) {
        this.models = models;
        this.history = history;
        this.usage = usage;
        this.config = config;
        this.historyPolicy = allocation.historyPolicy();
        this.bounds = allocation.bounds().within(Capacity.ofThisMachine());
        LOG.infof("recommendations bounded to CPU %dm-%dm and memory %d-%d MiB", bounds.minCpuMillicores(),
                bounds.maxCpuMillicores(), bounds.minMemoryBytes() >> 20, bounds.maxMemoryBytes() >> 20);
    }

    /** The least and the most a recommendation hands a task, and the stored-data backtest judges with. */
    public Bounds bounds() {
        return bounds;
    }

    /** The recommender used when none is asked for: the configured one, "auto" meaning the backtest winner. */
    public String defaultRecommender() {
        if (!config.recommender().equals("auto")) {
            return config.recommender();
        }
        return models.current().map(m -> m.metadata().defaultRecommender()).orElse(Recommenders.FALLBACK);
    }

    /**
     * {@code inputPixels}: each task's input size by position, 0 where unknown; {@code params}: each task's numeric
     * parameters by position, defaults filled in.
     */
    public List<TaskAllocation> recommend(List<String> services, List<Long> inputPixels,
                                          List<Map<String, Double>> params, String requested) {
        String recommender = requested == null || requested.isBlank() ? defaultRecommender() : requested;
        Set<String> orderServices = Set.copyOf(services);
        // Computed once per service (per service, input size and parameters for the model, the only one that reads
        // them); the OOM floor depends on each task's input size, so it is applied per task.
        boolean byTask = recommender.equals(ModelTrainer.ML_RECOMMENDER);
        Map<List<Object>, TaskAllocation> computed = new HashMap<>();
        Map<String, Optional<MemoryBySize>> sizeModels = new HashMap<>();
        List<TaskAllocation> result = new ArrayList<>();
        for (int position = 0; position < services.size(); position++) {
            String service = services.get(position);
            long pixels = inputPixels.get(position);
            Map<String, Double> taskParams = params.get(position);
            TaskAllocation allocation = computed.computeIfAbsent(
                    byTask ? List.of(service, pixels, taskParams) : List.of(service),
                    key -> forTask(service, pixels, taskParams, orderServices, recommender));
            result.add(bounded(bySize(floorAtOom(allocation, pixels), sizeModels, pixels, taskParams)).at(position));
        }
        return result;
    }

    /**
     * Memory at least what the size model says the pixels the task holds need: the request at the line, the limit
     * with the margins and room for the heap. Beyond every run of the service, percentiles and trees know only the
     * sizes they saw (a 16 MP photo after 2 MP samples needs what its pixels need); within them, a limit at the
     * sampled peak leaves a task whose peak is mostly image arrays too small a heap (75% of the limit).
     */
    private TaskAllocation bySize(TaskAllocation task, Map<String, Optional<MemoryBySize>> sizeModels,
                                  long inputPixels, Map<String, Double> params) {
        Optional<TaskDefinition> definition = TaskCatalog.find(task.service());
        if (definition.isEmpty() || inputPixels <= 0) {
            return task;
        }
        // Fitted once per service and call, and only for a task whose size is known.
        Optional<MemoryBySize> sizes = sizeModels.computeIfAbsent(task.service(), s -> MemoryBySize.fit(
                history.sizedRuns(s).await().atMost(DB_TIMEOUT)));
        if (sizes.isEmpty()) {
            return task;
        }
        MemoryBySize model = sizes.get();
        long held = definition.get().heldPixels(inputPixels, params);
        long limit = model.limit(held);
        Allocation a = task.allocation();
        if (a.memoryLimitBytes() >= limit) {
            return task.with(a, "", limit);
        }
        return task.with(new Allocation(a.cpuRequestMillicores(), a.cpuLimitMillicores(),
                Math.min(limit, Math.max(a.memoryRequestBytes(), model.line(held))), limit, a.source()),
                String.format(Locale.ROOT, "memory from the size model: %.1f MP held, %.1fx the largest of %d runs,"
                        + " needs about %d MiB", held / 1e6, model.reach(held), model.runs(), limit >> 20),
                limit);
    }

    /** Inside the bounds; the basis names each bound hit. */
    private TaskAllocation bounded(TaskAllocation task) {
        Bounds.Bounded b = bounds.apply(task.allocation());
        if (!b.capped()) {
            return task.with(b.allocation(), "", task.neededMemoryBytes());
        }
        Allocation a = b.allocation();
        String why = String.join(", ", b.notes()) + (bounds.admitsMemory(task.neededMemoryBytes()) ? ""
                : "; it needs more than the maximum: an orchestrator with this maximum refuses it");
        return task.with(new Allocation(a.cpuRequestMillicores(), a.cpuLimitMillicores(), a.memoryRequestBytes(),
                a.memoryLimitBytes(), task.allocation().source()), why, task.neededMemoryBytes());
    }

    private TaskAllocation forTask(String service, long inputPixels, Map<String, Double> params,
                                   Set<String> orderServices, String recommender) {
        Optional<UsageModel> model = models.current();
        if (recommender.equals(ModelTrainer.ML_RECOMMENDER)) {
            if (model.isPresent() && model.get().knows(service)) {
                UsageModel m = model.get();
                Double known = m.metadata().expectedSeconds().get(service);
                double seconds = known != null ? known : expectedSeconds(service);
                double[] cpu = m.overRun(orderServices, service, inputPixels, params, Resource.CPU_MILLICORES,
                        seconds);
                double[] memory = m.overRun(orderServices, service, inputPixels, params, Resource.MEMORY_BYTES,
                        seconds);
                // Where the calibration finds the model's runs peak below its prediction, the limit is below the
                // expected need as predicted, and the limit is the better-informed of the two: the request follows.
                double cpuLimit = m.limit(cpu, service, Resource.CPU_MILLICORES);
                double memoryLimit = m.limit(memory, service, Resource.MEMORY_BYTES);
                Optional<String> nonsense = nonsense(cpu, cpuLimit, memory, memoryLimit);
                if (nonsense.isPresent()) {
                    return heuristic(service, Recommenders.FALLBACK, "the model answered " + nonsense.get() + "; ");
                }
                Allocation allocation = Rounding.up(
                        Math.min(Arrays.stream(cpu).average().orElse(0), cpuLimit), cpuLimit,
                        Math.min(Arrays.stream(memory).max().orElse(0), memoryLimit), memoryLimit,
                        recommender);
                return new TaskAllocation(0, service, allocation, seconds, String.format(Locale.ROOT,
                        "model v%d (%s), limit covers %.0f%% of %s, input %s", m.metadata().version(),
                        m.metadata().algorithm(), 100 * m.metadata().calibration().coverage(),
                        m.metadata().peakCalibration() != null ? "runs" : "samples", inputPixels > 0
                                ? String.format(Locale.ROOT, "%.2f MP", inputPixels / 1e6)
                                : "size unknown (the largest seen assumed)")
                        + (params.isEmpty() ? "" : ", params " + new TreeMap<>(params)));
            }
            return heuristic(service, Recommenders.FALLBACK,
                    model.isEmpty() ? "no model trained yet; " : "the model has not seen " + service + "; ");
        }
        return heuristic(service, recommender, "");
    }

    /** What in a model's answer no allocation can be made of: a number that is not finite, or negative. */
    static Optional<String> nonsense(double[] cpu, double cpuLimit, double[] memory, double memoryLimit) {
        for (double v : cpu) {
            if (!Double.isFinite(v) || v < 0) {
                return Optional.of(v + " for CPU");
            }
        }
        for (double v : memory) {
            if (!Double.isFinite(v) || v < 0) {
                return Optional.of(v + " for memory");
            }
        }
        if (!Double.isFinite(cpuLimit) || cpuLimit < 0) {
            return Optional.of("a CPU limit of " + cpuLimit);
        }
        if (!Double.isFinite(memoryLimit) || memoryLimit < 0) {
            return Optional.of("a memory limit of " + memoryLimit);
        }
        return Optional.empty();
    }

    private TaskAllocation heuristic(String service, String name, String why) {
        Recommender recommender = Recommenders.byName(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown recommender '" + name + "'"));
        ServiceUsage used = usage.of(List.of(service)).await().atMost(DB_TIMEOUT).get(service);
        double seconds = expectedSeconds(service);
        Allocation allocation = historyPolicy.allocate(recommender, used, recommender.name(), "default");
        if (used.lacks(historyPolicy.minHistoryRuns())) {
            return new TaskAllocation(0, service, allocation, seconds, why + used.runs() + " earlier runs of "
                    + service + " with samples (fewer than " + historyPolicy.minHistoryRuns()
                    + "): the configured default");
        }
        return new TaskAllocation(0, service, allocation, seconds,
                why + recommender.name() + " over " + used.cpuMillicores().length + " stored samples");
    }

    /**
     * Never below VPA's bump of a limit the service ran out of memory under on an input no larger than this one
     * (an OOM on a larger image says nothing about a smaller one; an unknown size on either side counts).
     */
    private TaskAllocation floorAtOom(TaskAllocation task, long inputPixels) {
        Optional<Long> oom = history.largestOomLimit(task.service(), inputPixels).await().atMost(DB_TIMEOUT);
        if (oom.isEmpty()) {
            return task;
        }
        return OomFloor.raise(task.allocation(), oom.get()).map(raised -> task.with(raised, "memory limit raised to "
                + (raised.memoryLimitBytes() >> 20) + " MiB after an out-of-memory at " + (oom.get() >> 20) + " MiB",
                task.neededMemoryBytes())).orElse(task);
    }

    private double expectedSeconds(String service) {
        return history.expectedSeconds(service).await().atMost(DB_TIMEOUT)
                .orElse(historyPolicy.defaults().expectedSeconds());
    }
}
