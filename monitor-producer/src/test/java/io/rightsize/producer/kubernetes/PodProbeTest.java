package io.rightsize.producer.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.rightsize.devstack.manifests.Manifests;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.producer.config.ProbeMode;
import io.rightsize.producer.config.ProducerConfig;
import io.rightsize.producer.sampling.Attachment;
import io.rightsize.producer.sampling.NetworkCounters;
import io.rightsize.producer.sampling.ProcessSnapshot;
import io.rightsize.producer.sampling.TaskSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DaemonSet's probe against the Quarkus Kubernetes test server in CRUD mode (playing the kubelet, which sets pod
 * statuses) and a node's cgroup and /proc trees copied from the fixtures, in the kernel's formats, into a temp dir.
 */
class PodProbeTest {

    private static final String NAMESPACE = "rightsize";
    private static final String NODE = "node-a";
    private static final String CONTAINER_ID = "containerd://8f2d6c1b9e4a";
    private static final String V2_CONTAINER = "kubepods.slice/kubepods-burstable.slice/"
            + "kubepods-burstable-pod3f1c2a9e_5b7d_4c1e_9a2f_6d8e0b4c7a11.slice/cri-containerd-8f2d6c1b9e4a.scope";
    private static final Instant STARTED_AT = Instant.parse("2026-11-26T10:00:00Z");
    private static final TaskEvent STARTED = TaskEvent.started("demo-city", 42, 0, "blur", 0, NODE,
            new Allocation(500, 1000, 268_435_456L, 536_870_912L, "vpa"), STARTED_AT);

    @TempDir
    Path node;
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
    void attachesToTheRunningContainersCgroupV2AndReadsItsPodsNetwork() throws Exception {
        Path cgroup = copyFixture("cgroup/v2", "cgroup");
        copyFixture("proc", "proc");
        createPod("rightsize-task-42-a", NODE, running(CONTAINER_ID, STARTED_AT));

        TaskSource source = attached(probe(cgroup).attach(STARTED));

        assertEquals(new ProcessSnapshot(STARTED_AT.toEpochMilli(), 0, 0, 0, 0, NetworkCounters.ZERO), source.origin());
        ProcessSnapshot now = source.read().orElseThrow();
        assertEquals(8235, now.cpuMillis());
        assertEquals(301_989_888L - 8_192_000L, now.residentBytes(), "the working set: usage less inactive files");
        assertEquals(5_632_000L + 4096, now.bytesRead());
        assertEquals(new NetworkCounters(7_340_032L, 524_288L), now.network(), "eth0 only, loopback left out");
    }

    @Test
    void findsTheContainerInACgroupfsDriverV1Layout() throws Exception {
        Path cgroup = copyFixture("cgroup/v1", "cgroup");
        copyFixture("proc", "proc");
        createPod("rightsize-task-42-a", NODE, running(CONTAINER_ID, STARTED_AT));

        ProcessSnapshot now = attached(probe(cgroup).attach(STARTED)).read().orElseThrow();

        assertEquals(8235, now.cpuMillis());
        assertEquals(301_989_888L - 8_192_000L, now.residentBytes(), "the working set: usage less inactive files");
        assertEquals(new NetworkCounters(7_340_032L, 524_288L), now.network());
    }

    @Test
    void leavesAPodOnAnotherNodeToThatNodesProducer() throws Exception {
        Path cgroup = copyFixture("cgroup/v2", "cgroup");
        createPod("rightsize-task-42-a", "node-b", running(CONTAINER_ID, STARTED_AT));

        Attachment attachment = probe(cgroup).attach(STARTED);

        assertInstanceOf(Attachment.NotHere.class, attachment);
        assertTrue(((Attachment.NotHere) attachment).why().contains("node-b"));
    }

    @Test
    void waitsForAPodThatIsNotRunningYetOrWhoseCgroupIsNotThereYet() throws Exception {
        Path cgroup = copyFixture("cgroup/v2", "cgroup");
        PodProbe probe = probe(cgroup);
        assertInstanceOf(Attachment.NotYet.class, probe.attach(STARTED), "no pod at all");

        createPod("rightsize-task-42-a", NODE, new ContainerStatusBuilder().withName("task")
                .withNewState().withNewWaiting().withReason("ContainerCreating").endWaiting().endState().build());
        assertInstanceOf(Attachment.NotYet.class, probe.attach(STARTED), "pod still creating its container");

        client.pods().inNamespace(NAMESPACE).withName("rightsize-task-42-a").editStatus(p -> new PodBuilder(p)
                .editStatus().withContainerStatuses(running("containerd://0123456789abcdef", STARTED_AT))
                .endStatus().build());
        assertInstanceOf(Attachment.NotYet.class, probe.attach(STARTED), "running, but no such cgroup on this node");
    }

    @Test
    void followsTheRetryPodAfterAnOutOfMemoryKill() throws Exception {
        Path cgroup = copyFixture("cgroup/v2", "cgroup");
        copyFixture("proc", "proc");
        createPod("rightsize-task-42-first", NODE, new ContainerStatusBuilder().withName("task")
                .withContainerID("containerd://deadbeefdeadbeef").withNewState().withNewTerminated()
                .withReason("OOMKilled").withExitCode(137).endTerminated().endState().build());
        Instant retryStart = STARTED_AT.plusSeconds(20);
        createPod("rightsize-task-42-retry", NODE, running(CONTAINER_ID, retryStart));

        TaskSource source = attached(probe(cgroup).attach(STARTED));

        assertEquals(retryStart.toEpochMilli(), source.origin().wallMillis());
    }

    @Test
    void aContainerWhoseCgroupWasRemovedIsGone() throws Exception {
        Path cgroup = copyFixture("cgroup/v2", "cgroup");
        copyFixture("proc", "proc");
        createPod("rightsize-task-42-a", NODE, running(CONTAINER_ID, STARTED_AT));
        TaskSource source = attached(probe(cgroup).attach(STARTED));

        try (Stream<Path> files = Files.walk(cgroup.resolve(V2_CONTAINER))) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }

        assertEquals(Optional.empty(), source.read());
    }

    @Test
    void aContainerWithoutProcessesStillGivesItsCgroupCounters() throws Exception {
        Path cgroup = copyFixture("cgroup/v2", "cgroup");
        createPod("rightsize-task-42-a", NODE, running(CONTAINER_ID, STARTED_AT));
        TaskSource source = attached(probe(cgroup).attach(STARTED));
        Files.writeString(cgroup.resolve(V2_CONTAINER).resolve("cgroup.procs"), "");

        ProcessSnapshot now = source.read().orElseThrow();

        assertEquals(8235, now.cpuMillis());
        assertEquals(null, now.network());
    }

    @Test
    void needsNothingBeyondItsRoleInTheKubernetesBase() throws Exception {
        Path cgroup = copyFixture("cgroup/v2", "cgroup");
        createPod("rightsize-task-42-a", NODE, running(CONTAINER_ID, STARTED_AT));
        attached(probe(cgroup).attach(STARTED));
        Set<String> granted = Manifests.grants(
                Manifests.find(Manifests.documents("base"), "Role", "monitor-producer-pod-reader"));

        Set<String> used = new TreeSet<>();
        for (RecordedRequest r = server.getKubernetesMockServer().takeRequest(200, TimeUnit.MILLISECONDS); r != null;
                r = server.getKubernetesMockServer().takeRequest(200, TimeUnit.MILLISECONDS)) {
            used.add(Manifests.rbacGrant(r.getMethod(), r.getPath()));
        }
        // What the test itself did while playing the kubelet is not the probe's business.
        used.removeAll(Set.of("/pods:create", "/pods/status:update", "/pods/status:patch"));
        assertTrue(used.contains("/pods:list"), used.toString());
        assertTrue(granted.containsAll(used), "used " + used + ", granted " + granted);
    }

    private PodProbe probe(Path cgroupRoot) {
        return new PodProbe(() -> client, new Settings(cgroupRoot, node.resolve("proc")));
    }

    private static TaskSource attached(Attachment attachment) {
        return assertInstanceOf(Attachment.Attached.class, attachment, attachment.toString()).source();
    }

    private void createPod(String name, String nodeName, ContainerStatus status) {
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE)
                    .addToLabels("app.kubernetes.io/part-of", "rightsize").addToLabels("rightsize.io/task", "42")
                .endMetadata()
                .withNewSpec().withNodeName(nodeName).addNewContainer().withName("task").withImage("rightsize/tasks")
                    .endContainer().endSpec()
                .build();
        client.pods().inNamespace(NAMESPACE).resource(pod).create();
        client.pods().inNamespace(NAMESPACE).withName(name).editStatus(p -> new PodBuilder(p)
                .withNewStatus().withPhase("Running").withContainerStatuses(status).endStatus().build());
    }

    private static ContainerStatus running(String containerId, Instant startedAt) {
        return new ContainerStatusBuilder().withName("task").withContainerID(containerId)
                .withNewState().withNewRunning().withStartedAt(startedAt.toString()).endRunning().endState().build();
    }

    private Path copyFixture(String fixture, String into) throws IOException, URISyntaxException {
        Path from = Path.of(PodProbeTest.class.getResource("/" + fixture).toURI());
        Path to = node.resolve(into);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    /** Kubernetes mode on {@link #NODE}, the task pods' namespace, the node's trees under the temp dir. */
    private record Settings(Path cgroupRoot, Path procRoot) implements ProducerConfig {

        @Override
        public ProbeMode mode() {
            return ProbeMode.KUBERNETES;
        }

        @Override
        public Optional<String> host() {
            return Optional.empty();
        }

        @Override
        public Duration interval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration replayWindow() {
            return Duration.ofHours(6);
        }

        @Override
        public Kubernetes kubernetes() {
            Settings settings = this;
            return new Kubernetes() {
                @Override
                public Optional<String> nodeName() {
                    return Optional.of(NODE);
                }

                @Override
                public Optional<String> namespace() {
                    return Optional.of(NAMESPACE);
                }

                @Override
                public Path cgroupRoot() {
                    return settings.cgroupRoot;
                }

                @Override
                public Path procRoot() {
                    return settings.procRoot;
                }

                @Override
                public Duration attachTimeout() {
                    return Duration.ofMinutes(5);
                }
            };
        }
    }
}
