package io.rightsize.producer.sampling;

import java.io.IOException;
import java.util.Optional;

/** One task's counters, wherever they come from: its local process, or its container's cgroup on this node. */
public interface TaskSource {

    /** The counters at the task's start, all zero: the first sample's rates are since then. */
    ProcessSnapshot origin();

    /** The counters now, or empty when the task has gone. */
    Optional<ProcessSnapshot> read() throws IOException;
}
