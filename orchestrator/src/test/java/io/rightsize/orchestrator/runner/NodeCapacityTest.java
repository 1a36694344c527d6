package io.rightsize.orchestrator.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.rightsize.allocation.policy.Capacity;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task maximum on a cluster, against the Quarkus Kubernetes test server in CRUD mode holding the nodes. */
class NodeCapacityTest {

    private KubernetesServer server;
    private KubernetesClient client;

    @BeforeEach
    void startServer() {
        server = new KubernetesServer(false, true, InetAddress.getLoopbackAddress(), 0, List.of());
        server.before();
        client = server.getClient();
    }

    @AfterEach
    void stopServer() {
        server.after();
    }

    @Test
    void theLargestSchedulableNodesAllocatablePerResource() {
        node("small", "4", "16Gi", false);
        node("wide", "15500m", "30Gi", false);
        node("cordoned", "64", "256Gi", true);
        assertEquals(Optional.of(new Capacity(15_500, 30L << 30)), NodeCapacity.largestNode(client),
                "a pod runs on one node: the most one node can give, never a sum, never a cordoned node");
    }

    @Test
    void noNodeNoCapacity() {
        assertEquals(Optional.empty(), NodeCapacity.largestNode(client));
    }

    private void node(String name, String cpu, String memory, boolean unschedulable) {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withUnschedulable(unschedulable).endSpec()
                .withNewStatus().withAllocatable(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)))
                .endStatus().build()).create();
    }
}
