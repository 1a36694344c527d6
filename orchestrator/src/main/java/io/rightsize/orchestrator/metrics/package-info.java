/** Micrometer meters of order execution (orders submitted, running and ended, tasks started and ended), at /q/metrics. */
package io.rightsize.orchestrator.metrics;
