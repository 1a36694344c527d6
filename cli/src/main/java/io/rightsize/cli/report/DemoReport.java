package io.rightsize.cli.report;

import java.time.Instant;
import java.util.List;

/** What {@code ./rightsize demo} writes to report.json. */
public record DemoReport(Instant startedAt, double wallSeconds, List<OrderReport> orders) {
}
