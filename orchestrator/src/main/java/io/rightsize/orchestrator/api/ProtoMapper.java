package io.rightsize.orchestrator.api;

import com.google.protobuf.Timestamp;
import io.rightsize.api.v1.Allocation;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.Task;
import io.rightsize.api.v1.TaskState;
import io.rightsize.common.order.OrderSpec;
import io.rightsize.common.order.TaskRequest;
import io.rightsize.orchestrator.domain.OrderRecord;
import io.rightsize.orchestrator.domain.TaskRecord;
import java.time.Instant;

/** Converts between the orchestrator's records and the rightsize.v1 protobuf messages. */
final class ProtoMapper {

    private ProtoMapper() {
    }

    static OrderSpec spec(io.rightsize.api.v1.OrderSpec spec) {
        return new OrderSpec(spec.getId(), spec.getImage(), spec.getTasksList().stream()
                .map(t -> new TaskRequest(t.getName(), t.getParamsMap())).toList());
    }

    static Order order(OrderRecord order) {
        Order.Builder b = Order.newBuilder()
                .setId(order.id())
                .setState(OrderState.valueOf("ORDER_" + order.state().name()))
                .setImage(order.image());
        if (order.submittedAt() != null) {
            b.setSubmittedAt(timestamp(order.submittedAt()));
        }
        if (order.finishedAt() != null) {
            b.setFinishedAt(timestamp(order.finishedAt()));
        }
        if (order.reason() != null) {
            b.setReason(order.reason());
        }
        order.tasks().forEach(t -> b.addTasks(task(t)));
        return b.build();
    }

    static Task task(TaskRecord task) {
        Task.Builder b = Task.newBuilder()
                .setId(task.id())
                .setPosition(task.position())
                .setService(task.service())
                .putAllParams(task.params())
                .setState(TaskState.valueOf("TASK_" + task.state().name()))
                .setDurationSeconds(task.durationSeconds());
        if (task.startedAt() != null) {
            b.setStartedAt(timestamp(task.startedAt()));
        }
        if (task.finishedAt() != null) {
            b.setFinishedAt(timestamp(task.finishedAt()));
        }
        if (task.exitCode() != null) {
            b.setExitCode(task.exitCode());
        }
        if (task.reason() != null) {
            b.setReason(task.reason());
        }
        if (task.pid() != null) {
            b.setPid(task.pid());
        }
        if (task.host() != null) {
            b.setHost(task.host());
        }
        if (task.outputImage() != null) {
            b.setOutputImage(task.outputImage());
        }
        b.setAttempts(task.attempts()).setInputPixels(task.inputPixels());
        if (task.usage() != null) {
            b.setCpuSeconds(task.usage().cpuSeconds()).setPeakMemoryBytes(task.usage().peakMemoryBytes());
        }
        if (task.allocation() != null) {
            var a = task.allocation();
            b.setAllocation(Allocation.newBuilder()
                    .setCpuRequestMillicores(a.cpuRequestMillicores())
                    .setCpuLimitMillicores(a.cpuLimitMillicores())
                    .setMemoryRequestBytes(a.memoryRequestBytes())
                    .setMemoryLimitBytes(a.memoryLimitBytes())
                    .setSource(a.source()));
        }
        return b.build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
