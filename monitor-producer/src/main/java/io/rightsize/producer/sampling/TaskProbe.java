package io.rightsize.producer.sampling;

import io.rightsize.common.messaging.TaskEvent;
import java.util.Optional;

/** Finds a started task's counters: a local process by pid, or a task pod's container through the cgroup tree. */
public interface TaskProbe {

    Attachment attach(TaskEvent started);

    /**
     * Why a STARTED event must not be obeyed (its pid here is no task process: a forged or corrupt event), or empty.
     * Checked as the event arrives, so a refused event goes to the dead-letter topic instead of being sampled.
     */
    default Optional<String> refusal(TaskEvent started) {
        return Optional.empty();
    }

    /** Whether the task of this (end) event ran where this probe samples: this host, or this node. */
    boolean ranHere(TaskEvent event);
}
