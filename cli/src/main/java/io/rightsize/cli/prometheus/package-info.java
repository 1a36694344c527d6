/**
 * Usage from Prometheus: per-container CPU and memory of one namespace over {@code /api/v1/query_range}, grouped by
 * workload into the {@link io.rightsize.allocation.trace.Series} that backtests and recommenders take.
 */
package io.rightsize.cli.prometheus;
