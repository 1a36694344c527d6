/**
 * Task execution: the runner abstraction, chosen by {@code rightsize.orchestrator.runner}: local processes by
 * default, or Kubernetes Jobs whose pods the runner follows to their end.
 */
package io.rightsize.orchestrator.runner;
