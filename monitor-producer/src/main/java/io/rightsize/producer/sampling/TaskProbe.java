package io.rightsize.producer.sampling;

import io.rightsize.common.messaging.TaskEvent;

/** Finds a started task's counters: a local process by pid, or a task pod's container through the cgroup tree. */
public interface TaskProbe {

    Attachment attach(TaskEvent started);
}
