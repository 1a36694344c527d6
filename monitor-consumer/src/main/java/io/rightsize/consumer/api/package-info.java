/** The monitor-consumer's gRPC endpoint (rightsize.v1.UsageService). */
package io.rightsize.consumer.api;
