/**
 * The end-to-end A/B: one generated workload run on a fresh stack per allocation arm, under one capacity, measured
 * as a user would judge it (makespan, reserved against used, OOM kills, throttling, failures, queue wait).
 */
package io.rightsize.cli.experiment;
