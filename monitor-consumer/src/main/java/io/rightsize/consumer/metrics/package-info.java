/** Micrometer meters of the sample path (received, stored, dead-lettered, batch latency), served at /q/metrics. */
package io.rightsize.consumer.metrics;
