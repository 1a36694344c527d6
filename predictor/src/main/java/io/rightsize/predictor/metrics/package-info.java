/**
 * Operability signals of the predictor: Micrometer meters (predict and recommend latency, trainings, model loaded) at
 * /q/metrics and the readiness check that says whether a model is loaded.
 */
package io.rightsize.predictor.metrics;
