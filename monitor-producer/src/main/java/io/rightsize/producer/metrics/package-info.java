/** Micrometer meters of sampling and publishing (samples and gaps published, tasks followed), served at /q/metrics. */
package io.rightsize.producer.metrics;
