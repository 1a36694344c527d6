package io.rightsize.common.messaging;

/** What happened to a task; the monitor samples between STARTED and any of the others. */
public enum TaskEventType {
    STARTED, SUCCEEDED, FAILED, CANCELLED
}
