/** The predictor's gRPC endpoint (rightsize.v1.PredictorService). */
package io.rightsize.predictor.api;
