/** Task execution: the runner abstraction and its default, local processes. */
package io.rightsize.orchestrator.runner;
