package io.rightsize.cli.report;

import java.util.Map;

/**
 * One task of a reported order; {@code usage} is keyed by resource name (e.g. cpu_millicores); {@code cpuSeconds}
 * and {@code peakMemoryBytes} are the whole run's, from the task's exit record (0 where it left none);
 * {@code memoryLimitBytes} is its last attempt's, {@code attempts} more than 1 after out-of-memory ends.
 */
public record TaskReport(long id, int position, String service, String state, double durationSeconds, long samples,
                         Map<String, ResourceUsage> usage, double cpuSeconds, long peakMemoryBytes,
                         String outputImage, String reason, int attempts, long inputPixels, long memoryLimitBytes) {
}
