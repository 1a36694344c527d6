/** Health checks: what readiness means for the predictor. */
package io.rightsize.predictor.health;
