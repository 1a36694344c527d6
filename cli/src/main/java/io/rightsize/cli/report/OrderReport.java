package io.rightsize.cli.report;

import java.util.List;

/** One order of a report with its tasks. */
public record OrderReport(String id, String state, String image, String reason, List<TaskReport> tasks) {
    public boolean succeeded() {
        return "SUCCEEDED".equals(state);
    }
}
