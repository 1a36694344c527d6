/** Typed configuration of the predictor. */
package io.rightsize.predictor.config;
