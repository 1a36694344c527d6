package io.rightsize.cli.report;

import java.util.Map;

/** One task of a reported order; {@code usage} is keyed by resource name (e.g. cpu_millicores). */
public record TaskReport(long id, int position, String service, String state, double durationSeconds, long samples,
                         Map<String, ResourceUsage> usage, String outputImage, String reason) {
}
