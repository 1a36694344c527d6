package io.rightsize.client.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rightsize.api.v1.TaskParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Task parameters cross the wire unchanged, one message per task in the tasks' order. */
class TaskParamsMapperTest {

    @Test
    void roundTripsOneTasksParameters() {
        Map<String, Double> params = Map.of("scale", 2.0, "sigma", 1.5);
        TaskParams message = TaskParamsMapper.toProto(params);
        assertEquals(params, message.getValuesMap());
        assertEquals(params, TaskParamsMapper.fromProto(message));
    }

    @Test
    void keepsTheTasksOrderAndTheirEmptyParameters() {
        List<Map<String, Double>> params = List.of(Map.of("scale", 1.0), Map.of(), Map.of("scale", 3.0));
        List<TaskParams> messages = TaskParamsMapper.toProto(params);
        assertEquals(params, messages.stream().map(TaskParamsMapper::fromProto).toList());
    }
}
