package io.rightsize.predictor.features;

import io.rightsize.tasks.catalog.TaskCatalog;
import java.util.Map;

/**
 * A task's numeric parameters as the model learnt them: the orchestrator stores every task's parameters with the
 * defaults filled in, so a question that leaves one out means the default, as the task would run.
 */
public final class TaskParams {

    private TaskParams() {
    }

    /**
     * The parameters given, the task's defaults for the rest; as given for a service not in the task catalog.
     *
     * @throws io.rightsize.tasks.catalog.InvalidParamException for an unknown parameter or a value the task refuses
     */
    public static Map<String, Double> resolve(String service, Map<String, Double> given) {
        return TaskCatalog.find(service).map(task -> Map.copyOf(task.resolveParams(given)))
                .orElseGet(() -> Map.copyOf(given));
    }
}
