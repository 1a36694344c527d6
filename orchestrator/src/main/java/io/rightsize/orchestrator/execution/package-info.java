/** Running orders: sequencing tasks, cancellation, watchers and crash recovery. */
package io.rightsize.orchestrator.execution;
