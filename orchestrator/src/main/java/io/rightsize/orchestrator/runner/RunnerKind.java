package io.rightsize.orchestrator.runner;

/** Where tasks run: {@code rightsize.orchestrator.runner=local|kubernetes}. */
public enum RunnerKind {
    /** A JVM process per task on the orchestrator's own machine. */
    LOCAL,
    /** A batch/v1 Job per task in the orchestrator's cluster. */
    KUBERNETES
}
