package io.rightsize.cli.experiment;

import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.devstack.service.ServiceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One way of allocating, as the stack is started for it: {@code default} gives every task the fixed default
 * allocation (what an unsized deployment runs), any other name makes it the predictor's recommender.
 */
public record Arm(String name) {

    /** The arm with no recommender at all. */
    public static final String DEFAULT = "default";
    /** The model, trained on the training workload. */
    public static final String MODEL = "rightsize-ml";

    public Arm {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("unknown arm '" + name + "'; known: " + String.join(", ", names()));
        }
    }

    /** Every arm an experiment can run: the default, the recommenders, and the model. */
    public static List<String> names() {
        return Stream.concat(Stream.of(DEFAULT, MODEL), Recommenders.all().stream().map(Recommender::name))
                .distinct().toList();
    }

    /** The arms named in a comma-separated list, in its order. */
    public static List<Arm> parse(String list) {
        List<Arm> arms = new ArrayList<>();
        for (String name : list.split(",")) {
            Arm arm = new Arm(name.strip());
            if (arms.contains(arm)) {
                throw new IllegalArgumentException("arm '" + arm.name() + "' is named twice");
            }
            arms.add(arm);
        }
        return arms;
    }

    /** Whether the arm learns from the training workload; the default allocation learns nothing. */
    boolean learns() {
        return !name.equals(DEFAULT);
    }

    /** System properties of the services for this arm under {@code capacity}, beside the stack's JVM options. */
    Map<ServiceKind, List<String>> jvmOptions(ExperimentCapacity capacity) {
        List<String> orchestrator = new ArrayList<>(capacity.orchestratorOptions());
        List<String> predictor = new ArrayList<>();
        if (name.equals(DEFAULT)) {
            // A history-based recommender (never the model) for which no service ever has enough history: the
            // predictor and the orchestrator's fallback both hand out the default.
            String never = "-Drightsize.allocation.min-history-runs=" + Integer.MAX_VALUE;
            orchestrator.add(never);
            predictor.add(never);
            predictor.add("-Drightsize.predictor.recommender=" + Recommenders.FALLBACK);
        } else {
            predictor.add("-Drightsize.predictor.recommender=" + name);
        }
        return Map.of(ServiceKind.ORCHESTRATOR, orchestrator, ServiceKind.PREDICTOR, predictor);
    }
}
