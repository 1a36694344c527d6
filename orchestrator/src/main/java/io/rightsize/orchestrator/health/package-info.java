/** What the orchestrator reports about itself at /q/health beside the broker, database and gRPC checks. */
package io.rightsize.orchestrator.health;
