package io.rightsize.cli.report;

/** A task's usage of one resource over its run, from the stored samples. */
public record ResourceUsage(double min, double avg, double max, double p95) {
}
