package io.rightsize.orchestrator.runner;

/** A task that could not even be started (missing executable, unwritable work directory...). */
public class TaskStartException extends Exception {
    public TaskStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
