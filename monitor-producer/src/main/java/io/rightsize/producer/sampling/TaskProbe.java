package io.rightsize.producer.sampling;

import io.rightsize.common.messaging.TaskEvent;

/** Finds a started task's counters: a local process by pid, or a task pod's container through the cgroup tree. */
public interface TaskProbe {

    Attachment attach(TaskEvent started);

    /** Whether the task of this (end) event ran where this probe samples: this host, or this node. */
    boolean ranHere(TaskEvent event);
}
