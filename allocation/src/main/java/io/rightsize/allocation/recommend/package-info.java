/**
 * Recommenders that turn one task's usage history into a CPU or memory request and limit: the seed system's
 * rule, VPA's and KRR's heuristics as baselines, and Rightsize's own calibrated recommender.
 */
package io.rightsize.allocation.recommend;
