package io.rightsize.orchestrator.domain;

/** Life of a task; the last three are final. WAITING: its turn came, but its requests do not fit the capacity yet. */
public enum TaskState {
    PENDING, WAITING, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
