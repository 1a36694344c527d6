/**
 * Tribuo models: training (the split by order time, the candidate race, calibration, evaluation, the stored-data
 * backtest and the recommender choice), conformal calibration, persistence and plots.
 */
package io.rightsize.predictor.model;
