/** Tribuo models: candidates, training and selection, conformal calibration, persistence and plots. */
package io.rightsize.predictor.model;
