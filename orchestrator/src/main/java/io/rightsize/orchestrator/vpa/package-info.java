/**
 * Rightsize as a VerticalPodAutoscaler recommender: VPAs whose {@code spec.recommenders} name {@code rightsize} get
 * their {@code status.recommendation} from a recommender over the samples Rightsize stored, so VPA's updater applies
 * Rightsize's numbers. It lives in the orchestrator because the orchestrator already holds what it needs: the
 * Kubernetes client with its Role and manifest test, and the reading of stored usage and recommenders it uses for
 * its own fallback.
 */
package io.rightsize.orchestrator.vpa;
