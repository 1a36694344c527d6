package io.rightsize.orchestrator.domain;

/** Life of an order; the last three are final. */
public enum OrderState {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
