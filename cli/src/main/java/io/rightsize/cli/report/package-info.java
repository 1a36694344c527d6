/** Per-order, per-task reports: the demo's report.json and the terminal tables. */
package io.rightsize.cli.report;
