/** Training rows and the feature encoding shared by training and prediction. */
package io.rightsize.predictor.features;
