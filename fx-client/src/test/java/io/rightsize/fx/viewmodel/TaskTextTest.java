package io.rightsize.fx.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rightsize.api.v1.Allocation;
import io.rightsize.api.v1.Task;
import io.rightsize.api.v1.TaskState;
import org.junit.jupiter.api.Test;

class TaskTextTest {

    @Test
    void aWaitingTaskSaysWhatItNeeds() {
        Task waiting = Task.newBuilder().setState(TaskState.TASK_WAITING).setReason("needs 600m CPU, 400m free")
                .build();

        assertEquals("WAITING", TaskText.state(waiting));
        assertEquals("needs 600m CPU, 400m free", TaskText.reason(waiting));
        assertEquals("", TaskText.attempts(waiting), "not run yet");
    }

    @Test
    void aTaskThatRanOutOfMemoryOnItsLastAttemptReadsOomKilled() {
        Task failed = Task.newBuilder().setState(TaskState.TASK_FAILED).setAttempts(3)
                .setReason("OOMKilled: the kernel killed the task at its memory limit of 512 MiB").build();

        assertEquals("FAILED (OOMKilled)", TaskText.state(failed));
        assertEquals("3 (3 OOM)", TaskText.attempts(failed));
    }

    @Test
    void aRetriedTaskCountsTheAttemptsThatRanOutOfMemory() {
        Task succeeded = Task.newBuilder().setState(TaskState.TASK_SUCCEEDED).setAttempts(2).build();
        Task running = Task.newBuilder().setState(TaskState.TASK_RUNNING).setAttempts(2)
                .setReason("OOMKilled: the task exceeded its memory limit of 256 MiB").build();

        assertEquals("SUCCEEDED", TaskText.state(succeeded));
        assertEquals("2 (1 OOM)", TaskText.attempts(succeeded));
        assertEquals("RUNNING", TaskText.state(running), "the earlier attempt's reason does not end this one");
        assertEquals("2 (1 OOM)", TaskText.attempts(running));
    }

    @Test
    void otherFailuresAreNotOutOfMemory() {
        Task failed = Task.newBuilder().setState(TaskState.TASK_FAILED).setAttempts(1).setReason("exit code 2")
                .build();

        assertEquals("FAILED", TaskText.state(failed));
        assertEquals("1", TaskText.attempts(failed));
    }

    @Test
    void showsThrottledSecondsOnlyWhenTheLimitHeldTheTaskBack() {
        assertEquals("", TaskText.throttledSeconds(Task.getDefaultInstance()));
        assertEquals("<0.1", TaskText.throttledSeconds(Task.newBuilder().setThrottledCpuSeconds(0.01).build()));
        assertEquals("3.2", TaskText.throttledSeconds(Task.newBuilder().setThrottledCpuSeconds(3.21).build()));
    }

    @Test
    void peaksReadAgainstTheLimitAndTheRequest() {
        Task task = Task.newBuilder().setPeakMemoryBytes(400L << 20)
                .setAllocation(Allocation.newBuilder().setMemoryRequestBytes(256L << 20)
                        .setMemoryLimitBytes(512L << 20)).build();

        assertEquals("400", TaskText.peakMiB(task));
        assertEquals("0.78", TaskText.peakOverLimit(task));
        assertEquals("above request", TaskText.overRequest(task));
        Task within = task.toBuilder().setPeakMemoryBytes(200L << 20).build();
        assertEquals("", TaskText.overRequest(within));
        assertEquals("", TaskText.peakMiB(Task.getDefaultInstance()), "not ended yet");
    }
}
