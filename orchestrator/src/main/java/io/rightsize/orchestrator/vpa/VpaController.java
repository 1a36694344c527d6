package io.rightsize.orchestrator.vpa;

import io.fabric8.autoscaling.api.model.v1.RecommendedPodResources;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscaler;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscalerBuilder;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscalerList;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscalerRecommenderSelector;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscalerStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rightsize.allocation.policy.AllocationConfig;
import io.rightsize.allocation.policy.ServiceUsage;
import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.store.StoredUsage;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import io.rightsize.orchestrator.config.VpaConfig;
import io.rightsize.orchestrator.runner.RunnerKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Every {@code rightsize.vpa.interval}, writes the status of each VPA in the watched namespaces whose
 * {@code spec.recommenders} name {@value #RECOMMENDER_NAME}: a plain list per pass, as every recommendation is
 * recomputed each pass anyway. A status is patched only when it changed. An API or database error ends that VPA's,
 * namespace's or pass's work with one log line (and one when it clears), never the loop; a database error leaves
 * every status as it was. Uses verticalpodautoscalers list and get and verticalpodautoscalers/status patch: the
 * Role orchestrator-vpa-recommender in kubernetes/base grants exactly that.
 */
@ApplicationScoped
public class VpaController {

    /** The name a VPA puts in {@code spec.recommenders} to have Rightsize recommend for it. */
    public static final String RECOMMENDER_NAME = "rightsize";

    private static final Logger LOG = Logger.getLogger(VpaController.class);
    /** A pass waits this long for the stored samples; the next pass tries again. */
    private static final Duration DATABASE_WAIT = Duration.ofSeconds(15);

    private final VpaConfig config;
    private final OrchestratorConfig orchestrator;
    private final Instance<KubernetesClient> kubernetes;
    private final StoredUsage storedUsage;
    private final int minHistoryRuns;
    /** What failed, by where (a namespace's VPAs, a VPA, the samples), so a failure that lasts is logged once. */
    private final Map<String, String> failing = new HashMap<>();
    private ScheduledExecutorService timer;
    private MixedOperation<VerticalPodAutoscaler, VerticalPodAutoscalerList, Resource<VerticalPodAutoscaler>> vpas;
    private ContainerRecommendations recommendations;
    private List<String> namespaces;

    public VpaController(VpaConfig config, OrchestratorConfig orchestrator, Instance<KubernetesClient> kubernetes,
                         StoredUsage storedUsage, AllocationConfig allocation) {
        this.config = config;
        this.orchestrator = orchestrator;
        this.kubernetes = kubernetes;
        this.storedUsage = storedUsage;
        this.minHistoryRuns = allocation.minHistoryRuns();
    }

    /** Starts the loop when enabled; a misnamed setting stops the orchestrator here, not in the first pass. */
    void onStart(@Observes StartupEvent event) {
        if (!config.enabled().orElse(orchestrator.runner() == RunnerKind.KUBERNETES)) {
            return;
        }
        if (config.interval().isNegative() || config.interval().isZero()) {
            throw new IllegalArgumentException("rightsize.vpa.interval must be positive, not " + config.interval());
        }
        String name = config.recommender();
        Recommender recommender = Recommenders.byName(name).orElseThrow(() -> new IllegalArgumentException(
                "rightsize.vpa.recommender: unknown recommender '" + name + "'; known: "
                        + Recommenders.all().stream().map(Recommender::name).collect(Collectors.joining(", "))));
        recommendations = new ContainerRecommendations(recommender, minHistoryRuns);
        KubernetesClient client = kubernetes.get();
        vpas = client.resources(VerticalPodAutoscaler.class, VerticalPodAutoscalerList.class);
        namespaces = config.namespaces().orElseGet(() -> List.of(orchestrator.kubernetes().namespace()
                .or(() -> Optional.ofNullable(client.getNamespace()))
                .orElseThrow(() -> new IllegalArgumentException("rightsize.vpa.namespaces: the Kubernetes client has"
                        + " no namespace of its own; name the namespaces whose VPAs Rightsize recommends for"))));
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rightsize-vpa");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::pass, 0, config.interval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("recommending for VPAs naming %s in %s every %s with %s", RECOMMENDER_NAME,
                String.join(", ", namespaces), config.interval(), recommender.name());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** One pass; it never throws, since a throwing task would never be scheduled again. */
    private void pass() {
        try {
            List<VerticalPodAutoscaler> named = new ArrayList<>();
            for (String namespace : namespaces) {
                try {
                    vpas.inNamespace(namespace).list().getItems().stream().filter(VpaController::namesRightsize)
                            .forEach(named::add);
                    cleared("VPAs in " + namespace);
                } catch (KubernetesClientException e) {
                    // A cluster without VPA is a choice, not a fault: said once, at INFO.
                    failed("VPAs in " + namespace, e.getCode() == 404 ? Logger.Level.INFO : Logger.Level.WARN,
                            "cannot list VPAs in " + namespace + ": " + explain(e, namespace));
                }
            }
            if (!named.isEmpty()) {
                recommend(named);
            }
            cleared("the VPA pass");
        } catch (RuntimeException e) {
            failed("the VPA pass", Logger.Level.WARN, "a pass over the VPAs failed: " + e);
        }
    }

    private void recommend(List<VerticalPodAutoscaler> named) {
        List<Asked> asked = new ArrayList<>();
        Set<String> services = new HashSet<>();
        for (VerticalPodAutoscaler vpa : named) {
            try {
                List<VpaContainers.Named> containers = VpaContainers.of(vpa);
                containers.forEach(c -> services.add(c.service()));
                asked.add(new Asked(vpa, containers, Optional.empty()));
            } catch (IllegalArgumentException e) {
                asked.add(new Asked(vpa, List.of(), Optional.of(e.getMessage())));
            }
        }
        Map<String, ServiceUsage> usage;
        try {
            usage = services.isEmpty() ? Map.of() : storedUsage.of(services).await().atMost(DATABASE_WAIT);
            cleared("stored samples");
        } catch (RuntimeException e) {
            failed("stored samples", Logger.Level.WARN, "cannot read stored samples, VPA statuses stay as they are: "
                    + e.getMessage());
            return;
        }
        Instant now = Instant.now();
        for (Asked a : asked) {
            VerticalPodAutoscalerStatus old = a.vpa().getStatus();
            write(a.vpa(), a.unsupported().map(why -> VpaStatuses.unsupported(why, old, now))
                    .orElseGet(() -> VpaStatuses.of(a.containers().stream().map(c -> recommendations.of(c,
                            ContainerPolicy.of(a.vpa().getSpec().getResourcePolicy(), c.container()),
                            usage.getOrDefault(c.service(), ServiceUsage.NONE))).toList(), old, now)));
        }
    }

    /** A VPA naming rightsize, with the containers it names or why they cannot be read. */
    private record Asked(VerticalPodAutoscaler vpa, List<VpaContainers.Named> containers,
                         Optional<String> unsupported) {
    }

    private void write(VerticalPodAutoscaler vpa, VerticalPodAutoscalerStatus status) {
        String namespace = vpa.getMetadata().getNamespace();
        String where = "VPA " + namespace + "/" + vpa.getMetadata().getName();
        if (Objects.equals(vpa.getStatus(), status)) {
            cleared(where);
            return;
        }
        try {
            vpas.inNamespace(namespace).withName(vpa.getMetadata().getName())
                    .editStatus(v -> new VerticalPodAutoscalerBuilder(v).withStatus(status).build());
            cleared(where);
            LOG.infof("%s: %s", where, describe(status));
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                LOG.debugf("%s was deleted during the pass", where);
                failing.remove(where);
                return;
            }
            failed(where, Logger.Level.WARN, "cannot write the status of " + where + ": "
                    + explain(e, namespace));
        }
    }

    private static boolean namesRightsize(VerticalPodAutoscaler vpa) {
        List<VerticalPodAutoscalerRecommenderSelector> recommenders = vpa.getSpec() == null ? null
                : vpa.getSpec().getRecommenders();
        return recommenders != null && recommenders.stream().anyMatch(r -> RECOMMENDER_NAME.equals(r.getName()));
    }

    /** One line: each container's target (uncapped where capped) and bounds, then why any got nothing. */
    private static String describe(VerticalPodAutoscalerStatus status) {
        RecommendedPodResources recommendation = status.getRecommendation();
        String recommended = recommendation == null ? "no recommendation"
                : recommendation.getContainerRecommendations().stream().map(r -> r.getContainerName()
                        + " target " + r.getTarget() + (r.getTarget().equals(r.getUncappedTarget()) ? ""
                        : " (uncapped " + r.getUncappedTarget() + ")") + ", bounds " + r.getLowerBound() + " to "
                        + r.getUpperBound()).collect(Collectors.joining("; "));
        String message = status.getConditions().get(0).getMessage();
        return recommended + (message == null ? "" : " (" + message + ")");
    }

    private static String explain(KubernetesClientException e, String namespace) {
        return switch (e.getCode()) {
            case 404 -> "the VerticalPodAutoscaler API (autoscaling.k8s.io/v1) is not served here: install VPA to"
                    + " use Rightsize as its recommender, or set rightsize.vpa.enabled=false";
            case 403 -> "forbidden: bind the Role orchestrator-vpa-recommender (kubernetes/base/app/rbac.yaml) to the"
                    + " orchestrator's ServiceAccount in namespace " + namespace;
            default -> e.getMessage();
        };
    }

    private void failed(String where, Logger.Level level, String message) {
        if (!message.equals(failing.put(where, message))) {
            LOG.log(level, message);
        }
    }

    private void cleared(String where) {
        if (failing.remove(where) != null) {
            LOG.infof("%s: fine again", where);
        }
    }
}
