package io.rightsize.producer.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.runtime.StartupEvent;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.producer.cgroup.CgroupLocator;
import io.rightsize.producer.cgroup.CgroupReader;
import io.rightsize.producer.config.ProbeMode;
import io.rightsize.producer.config.ProducerConfig;
import io.rightsize.producer.config.SampledHost;
import io.rightsize.producer.sampling.Attachment;
import io.rightsize.producer.sampling.TaskProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Task pods on this node (DaemonSet mode): resolves a STARTED task to its pod through the API (by the task label the
 * orchestrator's Jobs put on their pods), then to its container's cgroup on this node's file system.
 */
@ApplicationScoped
public class PodProbe implements TaskProbe {

    static final String PART_OF = "app.kubernetes.io/part-of";
    static final String TASK = "rightsize.io/task";
    static final String CONTAINER = "task";

    private final Supplier<KubernetesClient> clients;
    private final ProducerConfig config;
    private final CgroupLocator locator;

    /** The client is only made in kubernetes mode: a local producer never looks for a cluster. */
    @Inject
    public PodProbe(Instance<KubernetesClient> clients, ProducerConfig config) {
        this((Supplier<KubernetesClient>) clients::get, config);
    }

    PodProbe(Supplier<KubernetesClient> clients, ProducerConfig config) {
        this.clients = clients;
        this.config = config;
        this.locator = new CgroupLocator(config.kubernetes().cgroupRoot());
    }

    /** A DaemonSet pod that does not know its node would sample nothing, silently; refuse to start instead. */
    void checkNode(@Observes StartupEvent event) {
        if (config.mode() == ProbeMode.KUBERNETES) {
            SampledHost.of(config);
        }
    }

    /** The runner names the pod's node as the task's host once the pod is placed. */
    @Override
    public boolean ranHere(TaskEvent event) {
        return config.kubernetes().nodeName().map(node -> node.equals(event.host())).orElse(false);
    }

    @Override
    public Attachment attach(TaskEvent started) {
        String node = config.kubernetes().nodeName().orElseThrow();
        Optional<Pod> pod;
        try {
            KubernetesClient client = clients.get();
            String namespace = config.kubernetes().namespace().orElseGet(client::getNamespace);
            // An out-of-memory retry runs the same task in a new Job: the newest pod with a running container is it.
            pod = client.pods().inNamespace(namespace)
                    .withLabel(PART_OF, "rightsize").withLabel(TASK, Long.toString(started.taskId()))
                    .list().getItems().stream()
                    .filter(p -> running(p).isPresent())
                    .max(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp()));
        } catch (KubernetesClientException e) {
            return new Attachment.NotYet("cannot list pods: " + e.getMessage());
        }
        if (pod.isEmpty()) {
            return new Attachment.NotYet("no running pod of task " + started.taskId() + " yet");
        }
        String podNode = pod.get().getSpec().getNodeName();
        if (!node.equals(podNode)) {
            return new Attachment.NotHere("pod " + pod.get().getMetadata().getName() + " runs on " + podNode);
        }
        ContainerStatus container = running(pod.get()).orElseThrow();
        Optional<CgroupReader> cgroup;
        try {
            cgroup = locator.find(container.getContainerID());
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            return new Attachment.NotYet("cannot find the cgroup of " + container.getContainerID() + ": "
                    + e.getMessage());
        }
        if (cgroup.isEmpty()) {
            return new Attachment.NotYet("no cgroup for " + container.getContainerID() + " yet");
        }
        long startMillis = Instant.parse(container.getState().getRunning().getStartedAt()).toEpochMilli();
        return new Attachment.Attached(new PodSource(cgroup.get(), config.kubernetes().procRoot(), startMillis));
    }

    /** The task container's status while it runs (it has an id and a start time then). */
    private static Optional<ContainerStatus> running(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(s -> CONTAINER.equals(s.getName()))
                .filter(s -> s.getContainerID() != null && s.getState() != null && s.getState().getRunning() != null
                        && s.getState().getRunning().getStartedAt() != null)
                .findFirst();
    }
}
