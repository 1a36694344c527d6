/**
 * Deciding each task's resources before it runs: the predictor's recommendation, else a heuristic on the service's
 * stored samples, else the configured default; and the same rules (whole units, floors, VPA's OOM bump) for all.
 */
package io.rightsize.orchestrator.allocation;
