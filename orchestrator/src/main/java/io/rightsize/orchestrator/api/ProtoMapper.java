package io.rightsize.orchestrator.api;

import io.rightsize.api.v1.CapacityStatus;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.Task;
import io.rightsize.api.v1.TaskState;
import io.rightsize.client.mapping.AllocationMapper;
import io.rightsize.client.mapping.TimestampMapper;
import io.rightsize.common.order.OrderSpec;
import io.rightsize.common.order.TaskRequest;
import io.rightsize.orchestrator.admission.AdmissionSnapshot;
import io.rightsize.orchestrator.admission.Demand;
import io.rightsize.orchestrator.cgroup.Enforcement;
import io.rightsize.orchestrator.domain.OrderRecord;
import io.rightsize.orchestrator.domain.TaskRecord;
import java.util.Optional;

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
            b.setSubmittedAt(TimestampMapper.toProto(order.submittedAt()));
        }
        if (order.finishedAt() != null) {
            b.setFinishedAt(TimestampMapper.toProto(order.finishedAt()));
        }
        if (order.reason() != null) {
            b.setReason(order.reason());
        }
        order.tasks().forEach(t -> b.addTasks(task(t)));
        return b.build();
    }

    static CapacityStatus capacity(AdmissionSnapshot now, Optional<Demand> used, Enforcement enforcement) {
        CapacityStatus.Builder b = CapacityStatus.newBuilder()
                .setCpuMillicores(now.capacity().capacity().cpuMillicores())
                .setMemoryBytes(now.capacity().capacity().memoryBytes())
                .setBasis(now.capacity().basis())
                .setReservedCpuMillicores(now.reserved().cpuMillicores())
                .setReservedMemoryBytes(now.reserved().memoryBytes())
                .setRunningTasks(now.running())
                .setWaitingTasks(now.waiting())
                .setEnforcement(enforcement.detail())
                .setAdmission(enforcement.kind() != Enforcement.Kind.KUBELET);
        used.ifPresent(u -> b.setUsedKnown(true).setUsedCpuMillicores(u.cpuMillicores())
                .setUsedMemoryBytes(u.memoryBytes()));
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
            b.setStartedAt(TimestampMapper.toProto(task.startedAt()));
        }
        if (task.finishedAt() != null) {
            b.setFinishedAt(TimestampMapper.toProto(task.finishedAt()));
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
            task.usage().throttledSeconds().ifPresent(b::setThrottledCpuSeconds);
        }
        if (task.allocation() != null) {
            b.setAllocation(AllocationMapper.toProto(task.allocation()));
        }
        return b.build();
    }
}
