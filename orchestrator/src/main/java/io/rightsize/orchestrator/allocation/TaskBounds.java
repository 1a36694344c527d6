package io.rightsize.orchestrator.allocation;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.rightsize.allocation.policy.AllocationConfig;
import io.rightsize.allocation.policy.Bounds;
import io.rightsize.allocation.policy.Capacity;
import io.rightsize.orchestrator.admission.TaskCapacity;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import io.rightsize.orchestrator.runner.NodeCapacity;
import io.rightsize.orchestrator.runner.RunnerKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The bounds every launched task obeys, found once at start: configured values, else the capacity where tasks run
 * (locally the task capacity; on Kubernetes the largest node's allocatable, or this machine's figures with a
 * warning when the nodes cannot be listed).
 */
@ApplicationScoped
public class TaskBounds {

    private static final Logger LOG = Logger.getLogger(TaskBounds.class);

    @Produces
    @Singleton
    Bounds bounds(OrchestratorConfig config, AllocationConfig allocation, Instance<KubernetesClient> kubernetes,
                  TaskCapacity tasks) {
        AllocationConfig.BoundsSettings b = allocation.bounds();
        Capacity capacity;
        String where;
        boolean configured = b.maximumConfigured();
        if (config.runner() == RunnerKind.KUBERNETES && !configured) {
            var node = NodeCapacity.largestNode(kubernetes.get());
            if (node.isEmpty()) {
                LOG.warn("the cluster's nodes could not be listed (RBAC: list nodes) or none is schedulable: the task"
                        + " maximum is this machine's; set rightsize.allocation.bounds.max-cpu-millicores and"
                        + " max-memory-bytes to the largest node's allocatable");
            }
            capacity = node.orElseGet(Capacity::ofThisMachine);
            where = node.isPresent() ? "the largest node's allocatable" : "this machine";
        } else {
            // No task may be given more than all tasks together may reserve (a cgroup's quota also cannot exceed
            // its parent's).
            capacity = tasks.capacity();
            where = "the task capacity";
        }
        Bounds bounds = b.within(capacity);
        LOG.infof("tasks get CPU %dm-%dm and memory %d-%d MiB (maximum: %s)", bounds.minCpuMillicores(),
                bounds.maxCpuMillicores(), bounds.minMemoryBytes() >> 20, bounds.maxMemoryBytes() >> 20,
                configured ? "configured" : where);
        return bounds;
    }
}
