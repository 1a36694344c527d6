/** The orchestrator's client of the predictor service (rightsize.v1.PredictorService), behind a small interface. */
package io.rightsize.orchestrator.predictor;
