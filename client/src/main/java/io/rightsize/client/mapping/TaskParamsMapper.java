package io.rightsize.client.mapping;

import io.rightsize.api.v1.TaskParams;
import java.util.List;
import java.util.Map;

/** A task's numeric parameters ({"scale": 2.0}) to and from the rightsize.v1 TaskParams message. */
public final class TaskParamsMapper {

    private TaskParamsMapper() {
    }

    public static TaskParams toProto(Map<String, Double> params) {
        return TaskParams.newBuilder().putAllValues(params).build();
    }

    /** One message per task, in the tasks' order: Recommend matches them to its services by position. */
    public static List<TaskParams> toProto(List<Map<String, Double>> params) {
        return params.stream().map(TaskParamsMapper::toProto).toList();
    }

    public static Map<String, Double> fromProto(TaskParams params) {
        return params.getValuesMap();
    }
}
