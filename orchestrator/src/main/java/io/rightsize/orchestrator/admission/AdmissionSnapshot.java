package io.rightsize.orchestrator.admission;

/** The task capacity now: what it is, what the running tasks' requests reserve of it, how many run and wait. */
public record AdmissionSnapshot(TaskCapacity capacity, Demand reserved, int running, int waiting) {
}
