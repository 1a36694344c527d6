/** Recommendations: the model in use and the allocations it (or a heuristic) gives each task. */
package io.rightsize.predictor.recommend;
