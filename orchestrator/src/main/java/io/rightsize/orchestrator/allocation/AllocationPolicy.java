package io.rightsize.orchestrator.allocation;

import io.quarkus.runtime.Startup;
import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.recommend.ResourceKind;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import io.rightsize.orchestrator.domain.ServiceUsage;
import io.rightsize.orchestrator.predictor.NoRecommendationException;
import io.rightsize.orchestrator.predictor.PredictorClient;
import io.rightsize.orchestrator.store.DatabaseOutages;
import io.rightsize.orchestrator.store.UsageHistory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Decides each task's allocation just before it runs, when the size of its input is known: the predictor's; when
 * it cannot answer, the fallback recommender on the service's stored samples; for a service with too few runs yet,
 * the configured default. A predictor that goes down mid-order leaves the rest of the order on the fallback.
 * Created at startup so a misnamed fallback recommender stops the orchestrator instead of the first order that
 * needs it.
 */
@Startup
@ApplicationScoped
public class AllocationPolicy {

    private static final Logger LOG = Logger.getLogger(AllocationPolicy.class);
    private static final String UNAVAILABLE = "predictor unavailable";

    private final PredictorClient predictor;
    private final UsageHistory history;
    private final Recommender fallback;
    private final Allocation defaultAllocation;
    private final int minHistoryRuns;

    public AllocationPolicy(PredictorClient predictor, UsageHistory history, OrchestratorConfig config) {
        this.predictor = predictor;
        this.history = history;
        this.minHistoryRuns = config.predictor().minHistoryRuns();
        String name = config.predictor().fallbackRecommender();
        this.fallback = Recommenders.byName(name).orElseThrow(() -> new IllegalArgumentException(
                "rightsize.orchestrator.predictor.fallback-recommender: unknown recommender '" + name + "'; known: "
                        + Recommenders.all().stream().map(Recommender::name).collect(Collectors.joining(", "))));
        OrchestratorConfig.DefaultAllocation d = config.defaultAllocation();
        this.defaultAllocation = AllocationRules.rounded(new Allocation(d.cpuRequestMillicores(),
                d.cpuLimitMillicores(), d.memoryRequestBytes(), d.memoryLimitBytes(),
                "default (" + UNAVAILABLE + ", too little history)"));
    }

    /**
     * The allocation of the task at {@code position}, asked for just before it is launched, when the size of the
     * image it will read is known; {@code services} are the order's tasks in order, {@code inputPixels} their
     * input sizes where known (0 for tasks not reached yet) and {@code params} their numeric parameters.
     */
    public Allocation forTask(String orderId, List<String> services, List<Long> inputPixels,
                              List<Map<String, Double>> params, int position) {
        String service = services.get(position);
        try {
            Allocation recommended = AllocationRules.rounded(predictor.recommend(services, inputPixels, params)
                    .get(position));
            LOG.debugf("order %s task %d %s: allocation from the predictor (%s)", orderId, position, service,
                    recommended.source());
            return recommended;
        } catch (NoRecommendationException e) {
            ServiceUsage usage = DatabaseOutages.waitOut(service + "'s usage history",
                    () -> history.of(List.of(service))).get(service);
            LOG.infof("order %s task %d %s: %s (%s); %s", orderId, position, service, UNAVAILABLE, e.getMessage(),
                    usage.lacks(minHistoryRuns) ? "fewer than " + minHistoryRuns
                            + " earlier runs, so the default allocation" : fallback.name() + " on its stored samples");
            return fromHistory(usage);
        }
    }

    /**
     * The retry of a task that ran out of memory: VPA's bump, but never below the default limit, the one a task
     * with no history gets. An OOM under a recommended limit shows the history did not cover this input (a resize
     * before it, a larger image); creeping up by VPA's +100 MiB then often runs out again and fails the order.
     */
    public Allocation afterOom(Allocation allocation) {
        return AllocationRules.afterOom(allocation, defaultAllocation.memoryLimitBytes());
    }

    private Allocation fromHistory(ServiceUsage usage) {
        if (usage.lacks(minHistoryRuns)) {
            return defaultAllocation;
        }
        return AllocationRules.of(fallback.recommend(ResourceKind.CPU, usage.cpuMillicores()),
                fallback.recommend(ResourceKind.MEMORY, usage.memoryBytes()),
                fallback.name() + " (" + UNAVAILABLE + ")");
    }
}
