package io.rightsize.cli.prometheus;

import java.util.Map;

/** One series of a range query's answer: its labels, and its points in Unix seconds, oldest first. */
record RangeSeries(Map<String, String> labels, long[] timestamps, double[] values) {
}
