package io.rightsize.fx.model;

/** One sample of a task, in the chart's unit, at seconds since the task's first sample. */
public record UsagePoint(double elapsedSeconds, double value) {
}
