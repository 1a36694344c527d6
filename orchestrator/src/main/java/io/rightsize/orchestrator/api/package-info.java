/** The orchestrator's gRPC endpoint (rightsize.v1.OrderService). */
package io.rightsize.orchestrator.api;
