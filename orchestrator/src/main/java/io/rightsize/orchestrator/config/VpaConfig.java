package io.rightsize.orchestrator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Rightsize as a VerticalPodAutoscaler recommender: settings of the loop that writes the recommendations of VPAs
 * naming {@code rightsize}; each is overridable by environment, e.g. RIGHTSIZE_VPA_INTERVAL.
 */
@ConfigMapping(prefix = "rightsize.vpa")
public interface VpaConfig {

    /**
     * Whether the loop runs. Unset, it runs exactly when tasks run on Kubernetes (the orchestrator then has a
     * cluster and the Role), so a local orchestrator never looks for a cluster unless told to.
     */
    Optional<Boolean> enabled();

    /** How often every VPA naming rightsize gets its recommendation recomputed (upstream VPA's is 1 minute too). */
    @WithDefault("1m")
    Duration interval();

    /** The recommender (one of Recommenders.all()) run over a container's stored samples. */
    @WithDefault("rightsize")
    String recommender();

    /** Namespaces whose VPAs are read; the runner's (rightsize.orchestrator.kubernetes.namespace) when absent. */
    Optional<List<String>> namespaces();
}
