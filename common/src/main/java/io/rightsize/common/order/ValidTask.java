package io.rightsize.common.order;

import io.rightsize.tasks.catalog.TaskDefinition;
import java.util.Map;

/** A task that passed validation, with every parameter resolved (defaults filled in). */
public record ValidTask(int position, TaskDefinition definition, Map<String, Double> params) {
    public ValidTask {
        params = Map.copyOf(params);
    }

    public String service() {
        return definition.name();
    }
}
