/**
 * The Kubernetes VPA recommender's logic with its default flags, ported (not its code) so the {@code vpa} baseline
 * is VPA as it runs: exponential-bucket decaying histograms, one memory peak per day, p90 targets with a 15 %
 * margin and pod minimums, and bounds widened for a short history. Upstream: kubernetes/autoscaler,
 * {@code vertical-pod-autoscaler/pkg/recommender/}.
 */
package io.rightsize.allocation.recommend.vpa;
