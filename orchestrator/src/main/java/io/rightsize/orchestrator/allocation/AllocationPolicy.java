package io.rightsize.orchestrator.allocation;

import io.quarkus.runtime.Startup;
import io.rightsize.allocation.policy.AllocationConfig;
import io.rightsize.allocation.policy.Bounds;
import io.rightsize.allocation.policy.Bytes;
import io.rightsize.allocation.policy.HistoryPolicy;
import io.rightsize.allocation.policy.MemoryRetries;
import io.rightsize.allocation.policy.Rounding;
import io.rightsize.allocation.policy.ServiceUsage;
import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.store.StoredUsage;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import io.rightsize.orchestrator.predictor.NoRecommendationException;
import io.rightsize.orchestrator.predictor.PredictorClient;
import io.rightsize.orchestrator.predictor.Recommended;
import io.rightsize.orchestrator.store.DatabaseOutages;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
    private final StoredUsage history;
    private final Recommender fallback;
    private final HistoryPolicy historyPolicy;
    private final Bounds bounds;
    private final MemoryRetries retries;

    public AllocationPolicy(PredictorClient predictor, StoredUsage history, OrchestratorConfig config,
                            AllocationConfig allocation, Bounds bounds) {
        this.predictor = predictor;
        this.history = history;
        this.bounds = bounds;
        this.retries = allocation.memoryRetries();
        this.historyPolicy = allocation.historyPolicy();
        String name = config.predictor().fallbackRecommender();
        this.fallback = Recommenders.byName(name).orElseThrow(() -> new IllegalArgumentException(
                "rightsize.orchestrator.predictor.fallback-recommender: unknown recommender '" + name + "'; known: "
                        + Recommenders.all().stream().map(Recommender::name).collect(Collectors.joining(", "))));
    }

    /**
     * The allocation of the task at {@code position}, asked for just before it is launched, when the size of the
     * image it will read is known; {@code services} are the order's tasks in order, {@code inputPixels} their
     * input sizes where known (0 for tasks not reached yet) and {@code params} their numeric parameters.
     */
    public AllocationDecision forTask(String orderId, List<String> services, List<Long> inputPixels,
                                      List<Map<String, Double>> params, int position) {
        String service = services.get(position);
        try {
            Recommended recommended = predictor.recommend(services, inputPixels, params).get(position);
            Allocation allocation = bounds.apply(Rounding.up(recommended.allocation())).allocation();
            LOG.debugf("order %s task %d %s: allocation from the predictor (%s)", orderId, position, service,
                    allocation.source());
            long needed = recommended.neededMemoryBytes();
            Optional<String> refusal = bounds.admitsMemory(needed) ? Optional.empty()
                    : Optional.of(String.format(Locale.ROOT, "refused before it started: for an input of %s it"
                            + " needs about %s of memory, at most %s allowed (rightsize.allocation.bounds"
                            + ".max-memory-bytes)", pixelsText(inputPixels.get(position)), Bytes.text(needed),
                            Bytes.text(bounds.maxMemoryBytes())));
            return new AllocationDecision(allocation, needed, refusal);
        } catch (NoRecommendationException e) {
            ServiceUsage usage = DatabaseOutages.waitOut(service + "'s usage history",
                    () -> history.of(List.of(service))).get(service);
            LOG.infof("order %s task %d %s: %s (%s); %s", orderId, position, service, UNAVAILABLE, e.getMessage(),
                    usage.lacks(historyPolicy.minHistoryRuns()) ? "fewer than " + historyPolicy.minHistoryRuns()
                            + " earlier runs, so the default allocation" : fallback.name() + " on its stored samples");
            return AllocationDecision.of(bounds.apply(fromHistory(usage)).allocation());
        }
    }

    /**
     * The next attempt of a task that ran out of memory after {@code attemptsMade} attempts, or empty when none is
     * left or it was killed at the maximum: the limit climbs toward the maximum ({@link MemoryRetries}), never
     * below the default limit a task with no history gets, and the request keeps its share of the limit, as VPA
     * keeps the request-to-limit ratio. CPU is unchanged.
     */
    public Optional<Allocation> afterOom(Allocation killed, long neededMemoryBytes, int attemptsMade) {
        OptionalLong next = retries.next(killed.memoryLimitBytes(),
                Math.max(neededMemoryBytes, historyPolicy.defaults().memoryLimitBytes()), bounds.maxMemoryBytes(),
                attemptsMade);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        long limit = next.getAsLong();
        long request = Math.min(limit, Rounding.wholeMiB(
                (double) killed.memoryRequestBytes() / killed.memoryLimitBytes() * limit));
        String source = killed.source().replaceAll("; memory (raised|bumped) after OOM.*$", "");
        return Optional.of(new Allocation(killed.cpuRequestMillicores(), killed.cpuLimitMillicores(), request, limit,
                source + "; memory raised after OOM (attempt " + (attemptsMade + 1) + " of " + retries.attempts()
                        + (limit == bounds.maxMemoryBytes() ? ", at the maximum)" : ")")));
    }

    private static String pixelsText(long pixels) {
        return pixels >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MP", pixels / 1e6) : pixels + " pixels";
    }

    /** How many times in all a task may run when it runs out of memory. */
    public int memoryAttempts() {
        return retries.attempts();
    }

    private Allocation fromHistory(ServiceUsage usage) {
        return historyPolicy.allocate(fallback, usage, fallback.name() + " (" + UNAVAILABLE + ")",
                "default (" + UNAVAILABLE + ", too little history)");
    }
}
