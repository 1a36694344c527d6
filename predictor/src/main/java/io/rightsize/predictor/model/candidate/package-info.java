/** The algorithms that compete in every training run, each with its hyperparameters named. */
package io.rightsize.predictor.model.candidate;
