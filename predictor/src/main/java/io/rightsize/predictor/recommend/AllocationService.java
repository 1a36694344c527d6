package io.rightsize.predictor.recommend;

import io.rightsize.allocation.policy.Bounds;
import io.rightsize.allocation.policy.Capacity;
import io.rightsize.allocation.recommend.MemoryBump;
import io.rightsize.allocation.recommend.Recommendation;
import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.recommend.ResourceKind;
import io.rightsize.allocation.size.MemoryBySize;
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
    private final PredictorConfig config;
    private final Bounds bounds;

    public AllocationService(ModelHolder models, ServiceHistory history, PredictorConfig config) {
        this.models = models;
        this.history = history;
        this.config = config;
        PredictorConfig.BoundsConfig b = config.bounds();
        this.bounds = Bounds.configured(b.minCpuMillicores(), b.maxCpuMillicores(), b.minMemoryBytes(),
                b.maxMemoryBytes(), Capacity.ofThisMachine());
        LOG.infof("recommendations bounded to CPU %dm-%dm and memory %d-%d MiB", bounds.minCpuMillicores(),
                bounds.maxCpuMillicores(), bounds.minMemoryBytes() >> 20, bounds.maxMemoryBytes() >> 20);
    }

    /** The least and the most a recommendation hands a task. */
    public Bounds bounds() {
        return bounds;
    }

    /** The recommender used when none is asked for: the configured one, "auto" meaning the backtest winner. */
    public String defaultRecommender() {
        if (!config.recommender().equals("auto")) {
            return config.recommender();
        }
        return models.current().map(m -> m.metadata().defaultRecommender()).orElse("vpa");
    }

    public static boolean isKnown(String recommender) {
        return recommender.equals(ModelTrainer.ML_RECOMMENDER) || Recommenders.byName(recommender).isPresent();
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
            Optional<MemoryBySize> sizes = sizeModels.computeIfAbsent(service, s -> MemoryBySize.fit(
                    history.sizedRuns(s).await().atMost(DB_TIMEOUT)));
            result.add(bounded(bySize(floorAtOom(allocation, pixels), sizes, pixels, taskParams)).at(position));
        }
        return result;
    }

    /**
     * Memory for an input beyond every run of the service: at least what the size model says the pixels it holds
     * need (the request at the line, the limit with the margins). Percentiles and trees know only the sizes they
     * saw; a 16 MP photo after 2 MP samples needs what its pixels need.
     */
    private static TaskAllocation bySize(TaskAllocation task, Optional<MemoryBySize> sizes, long inputPixels,
                                         Map<String, Double> params) {
        Optional<TaskDefinition> definition = TaskCatalog.find(task.service());
        if (sizes.isEmpty() || definition.isEmpty() || inputPixels <= 0) {
            return task;
        }
        MemoryBySize model = sizes.get();
        long held = definition.get().heldPixels(inputPixels, params);
        if (!model.extrapolates(held)) {
            return task;
        }
        long estimate = model.estimate(held);
        Allocation a = task.allocation();
        if (a.memoryLimitBytes() >= estimate) {
            return task.with(a, "", estimate);
        }
        long line = (long) (estimate / (model.coverage() * model.extrapolation()));
        return task.with(new Allocation(a.cpuRequestMillicores(), a.cpuLimitMillicores(),
                Math.min(estimate, Math.max(a.memoryRequestBytes(), line)), estimate, a.source()),
                String.format(Locale.ROOT, "memory from the size model: %.1f MP held, %.1fx the largest of %d runs,"
                        + " needs about %d MiB", held / 1e6, model.reach(held), model.runs(), estimate >> 20),
                estimate);
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
                    return heuristic(service, "vpa", "the model answered " + nonsense.get() + "; ");
                }
                Allocation allocation = AllocationRounding.round(
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
            return heuristic(service, "vpa",
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
        double[] cpu = history.samples(service, Resource.CPU_MILLICORES).await().atMost(DB_TIMEOUT);
        double[] memory = history.samples(service, Resource.MEMORY_BYTES).await().atMost(DB_TIMEOUT);
        int runs = history.runs(service).await().atMost(DB_TIMEOUT);
        double seconds = expectedSeconds(service);
        if (cpu.length == 0 || memory.length == 0 || runs < config.minHistoryRuns()) {
            PredictorConfig.DefaultAllocation d = config.defaultAllocation();
            return new TaskAllocation(0, service, new Allocation(d.cpuRequestMillicores(),
                    d.cpuLimitMillicores(), d.memoryRequestBytes(), d.memoryLimitBytes(), "default"), seconds,
                    why + runs + " earlier runs of " + service + " (fewer than " + config.minHistoryRuns()
                            + "): the configured default");
        }
        Recommendation c = recommender.recommend(ResourceKind.CPU, cpu);
        Recommendation m = recommender.recommend(ResourceKind.MEMORY, memory);
        return new TaskAllocation(0, service,
                AllocationRounding.round(c.request(), c.limit(), m.request(), m.limit(), recommender.name()), seconds,
                why + recommender.name() + " over " + cpu.length + " stored samples");
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
        long floor = MemoryBump.afterOom(oom.get());
        Allocation a = task.allocation();
        if (a.memoryLimitBytes() >= floor) {
            return task;
        }
        return task.with(new Allocation(a.cpuRequestMillicores(), a.cpuLimitMillicores(),
                Math.min(a.memoryRequestBytes(), floor), floor, a.source()), "memory limit raised to " + (floor >> 20)
                + " MiB after an out-of-memory at " + (oom.get() >> 20) + " MiB", task.neededMemoryBytes());
    }

    private double expectedSeconds(String service) {
        return history.expectedSeconds(service).await().atMost(DB_TIMEOUT)
                .orElse(config.defaultAllocation().expectedSeconds());
    }
}
