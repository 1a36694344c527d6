/** Kafka output of the orchestrator: task lifecycle events. */
package io.rightsize.orchestrator.messaging;
