package io.rightsize.orchestrator.runner;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.rightsize.allocation.policy.Capacity;
import java.util.Map;
import java.util.Optional;

/**
 * The most one task can be given where tasks run: this machine locally; on Kubernetes the largest allocatable CPU
 * and memory among the schedulable nodes (a pod runs on one node, so no sum of nodes can hold it).
 */
public final class NodeCapacity {

    private NodeCapacity() {
    }

    /** The largest node's allocatable, or empty when there is no schedulable node or the nodes cannot be listed. */
    public static Optional<Capacity> largestNode(KubernetesClient client) {
        try {
            long cpu = 0;
            long memory = 0;
            for (Node node : client.nodes().list().getItems()) {
                if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
                    continue;
                }
                Map<String, Quantity> allocatable = node.getStatus() == null ? null
                        : node.getStatus().getAllocatable();
                if (allocatable == null || !allocatable.containsKey("cpu") || !allocatable.containsKey("memory")) {
                    continue;
                }
                cpu = Math.max(cpu, Quantity.getAmountInBytes(allocatable.get("cpu")).movePointRight(3).longValue());
                memory = Math.max(memory, Quantity.getAmountInBytes(allocatable.get("memory")).longValue());
            }
            return cpu > 0 && memory > 0 ? Optional.of(new Capacity(cpu, memory)) : Optional.empty();
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }
}
