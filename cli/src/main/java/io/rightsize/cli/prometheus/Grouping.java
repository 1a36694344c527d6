package io.rightsize.cli.prometheus;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which workload a container's series belongs to: the pod's owner read from its name ({@link PodOwner}), or the
 * value of a label the series carry (a relabelled {@code app}, say) where names are not enough. A series without
 * that label falls back to its pod's owner.
 */
public record Grouping(Optional<String> label) {

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public Grouping {
        label.ifPresent(name -> {
            if (!LABEL_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a Prometheus label name");
            }
        });
    }

    public static Grouping byPodOwner() {
        return new Grouping(Optional.empty());
    }

    public static Grouping byLabel(String name) {
        return new Grouping(Optional.of(name));
    }

    /** The labels a query keeps: the pod and container, and the grouping label. */
    String byClause() {
        return label.map(name -> "pod, container, " + name).orElse("pod, container");
    }

    /** The workload of a series with these labels. */
    String workload(Map<String, String> labels) {
        return label.map(labels::get).filter(value -> !value.isEmpty())
                .orElseGet(() -> PodOwner.of(labels.getOrDefault("pod", "")));
    }
}
