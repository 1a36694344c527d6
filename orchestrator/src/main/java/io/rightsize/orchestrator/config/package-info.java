/** Typed configuration of the orchestrator. */
package io.rightsize.orchestrator.config;
