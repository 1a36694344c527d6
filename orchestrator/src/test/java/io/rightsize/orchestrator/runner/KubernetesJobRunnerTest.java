package io.rightsize.orchestrator.runner;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.rightsize.devstack.manifests.Manifests;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Kubernetes runner against the Quarkus Kubernetes test server in CRUD mode, playing the Job controller. */
class KubernetesJobRunnerTest {

    private static final String NAMESPACE = "rightsize";
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final Allocation ALLOCATION = new Allocation(500, 2000, 268_435_456L, 1_073_741_824L, "default");
    private static final TaskLaunch LAUNCH = new TaskLaunch("demo-city", 7, 0, "blur", Map.of("radius", 4.0),
            Path.of("/rightsize/inputs/city.png"), Path.of("/rightsize/work/demo-city/0-blur.png"),
            Path.of("/rightsize/work/demo-city/0-blur.log"), ALLOCATION, 1);

    private KubernetesServer server;
    private KubernetesClient client;
    private KubernetesJobRunner runner;

    @BeforeEach
    void startServer() {
        server = new KubernetesServer(false, true, InetAddress.getLoopbackAddress(), 0, List.of());
        server.before();
        client = server.getClient();
        runner = new KubernetesJobRunner(client, new Settings(Duration.ZERO));
    }

    @AfterEach
    void stopServer() {
        server.after();
    }

    @Test
    void createsJobWithAllocationLabelsArgumentsAndWorkVolume() throws Exception {
        RunningTask task = runner.start(LAUNCH);

        Job job = onlyJob();
        Map<String, String> labels = job.getMetadata().getLabels();
        assertEquals("rightsize", labels.get("app.kubernetes.io/part-of"));
        assertEquals("demo-city", labels.get("rightsize.io/order"));
        assertEquals("7", labels.get("rightsize.io/task"));
        assertEquals("blur", labels.get("rightsize.io/service"));
        assertEquals(0, job.getSpec().getBackoffLimit());
        assertEquals(600, job.getSpec().getTtlSecondsAfterFinished());
        assertEquals(5400, job.getSpec().getActiveDeadlineSeconds());
        assertEquals("Never", job.getSpec().getTemplate().getSpec().getRestartPolicy());
        Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("registry.example/rightsize-tasks:1", container.getImage());
        assertEquals(List.of("blur", "--input", "/rightsize/inputs/city.png", "--output",
                "/rightsize/work/demo-city/0-blur.png", "--param", "radius=4.0"), container.getArgs());
        assertEquals("500m", container.getResources().getRequests().get("cpu").toString());
        assertEquals("2000m", container.getResources().getLimits().get("cpu").toString());
        assertEquals("268435456", container.getResources().getRequests().get("memory").toString());
        assertEquals("1073741824", container.getResources().getLimits().get("memory").toString());
        assertEquals("/rightsize", container.getVolumeMounts().get(0).getMountPath());
        assertEquals("rightsize-work", job.getSpec().getTemplate().getSpec().getVolumes().get(0)
                .getPersistentVolumeClaim().getClaimName());
        assertEquals(0, task.pid());
        assertEquals(job.getMetadata().getName(), task.host(), "no pod yet: the Job names the task");
        task.cancel();
    }

    @Test
    void taskPodsAreRestrictedWithoutAnApiTokenAndCarryTheAppLabels() throws Exception {
        RunningTask task = runner.start(LAUNCH);

        Job job = onlyJob();
        JsonNode pod = JSON.valueToTree(job.getSpec().getTemplate().getSpec());
        assertEquals(Set.of(), Manifests.restrictedViolations(pod), "restricted Pod Security, read-only root");
        assertFalse(job.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken());
        assertEquals("/tmp", job.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().get(1)
                .getMountPath());
        Map<String, String> labels = job.getSpec().getTemplate().getMetadata().getLabels();
        assertEquals(Map.of("app.kubernetes.io/name", "rightsize-task", "app.kubernetes.io/instance", "rightsize",
                "app.kubernetes.io/component", "task", "app.kubernetes.io/part-of", "rightsize",
                "app.kubernetes.io/version", "1", "app.kubernetes.io/managed-by", "rightsize-orchestrator"),
                labels.entrySet().stream().filter(e -> e.getKey().startsWith("app.kubernetes.io/"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        // The namespace's NetworkPolicy for task pods selects them and lets nothing in or out.
        JsonNode policy = Manifests.find(Manifests.documents("base"), "NetworkPolicy", "rightsize-task");
        policy.at("/spec/podSelector/matchLabels").fields().forEachRemaining(e ->
                assertEquals(e.getValue().asText(), labels.get(e.getKey()), e.getKey()));
        assertEquals(Set.of("Ingress", "Egress"), Set.of(policy.at("/spec/policyTypes/0").asText(),
                policy.at("/spec/policyTypes/1").asText()));
        assertFalse(policy.path("spec").has("ingress") || policy.path("spec").has("egress"));
        task.cancel();
    }

    @Test
    void aJobPastItsDeadlineFailsWithKubernetesReason() throws Exception {
        RunningTask task = runner.start(LAUNCH);

        client.batch().v1().jobs().inNamespace(NAMESPACE).withName(onlyJob().getMetadata().getName())
                .editStatus(j -> new JobBuilder(j).withNewStatus().addNewCondition().withType("Failed")
                        .withStatus("True").withReason("DeadlineExceeded")
                        .withMessage("Job was active longer than specified deadline").endCondition().endStatus()
                        .build());

        TaskExit exit = task.exit().get(10, TimeUnit.SECONDS);
        assertFalse(exit.succeeded());
        assertEquals("Job failed (DeadlineExceeded): Job was active longer than specified deadline", exit.reason());
    }

    @Test
    void succeededJobEndsWithExitCodeZero() throws Exception {
        RunningTask task = runner.start(LAUNCH);

        client.batch().v1().jobs().inNamespace(NAMESPACE).withName(onlyJob().getMetadata().getName())
                .editStatus(j -> new JobBuilder(j).withNewStatus().withSucceeded(1).endStatus().build());

        TaskExit exit = task.exit().get(10, TimeUnit.SECONDS);
        assertTrue(exit.succeeded());
        assertNull(exit.reason());
    }

    @Test
    void failedContainerEndsWithItsExitCodeAndReason() throws Exception {
        RunningTask task = runner.start(LAUNCH);

        podOf(onlyJob(), new ContainerStatusBuilder().withName("task").withNewState().withNewTerminated()
                .withExitCode(3).withReason("Error").withMessage("not an image").endTerminated().endState().build());

        TaskExit exit = task.exit().get(10, TimeUnit.SECONDS);
        assertEquals(3, exit.exitCode());
        assertEquals("exit code 3 (Error): not an image", exit.reason());
        assertFalse(exit.outOfMemory());
    }

    @Test
    void oomKilledContainerIsOutOfMemory() throws Exception {
        RunningTask task = runner.start(LAUNCH);

        podOf(onlyJob(), new ContainerStatusBuilder().withName("task").withNewState().withNewTerminated()
                .withExitCode(137).withReason("OOMKilled").endTerminated().endState().build());

        TaskExit exit = task.exit().get(10, TimeUnit.SECONDS);
        assertTrue(exit.outOfMemory());
        assertEquals(137, exit.exitCode());
        assertEquals("OOMKilled: the task exceeded its memory limit of 1024 MiB", exit.reason());
    }

    @Test
    void imagePullErrorFailsTheTaskAndDeletesTheJob() throws Exception {
        RunningTask task = runner.start(LAUNCH);

        podOf(onlyJob(), new ContainerStatusBuilder().withName("task").withImage("registry.example/rightsize-tasks:1")
                .withNewState().withNewWaiting().withReason("ImagePullBackOff").withMessage("Back-off pulling image")
                .endWaiting().endState().build());

        TaskExit exit = task.exit().get(10, TimeUnit.SECONDS);
        assertEquals(-1, exit.exitCode());
        assertEquals("image registry.example/rightsize-tasks:1 cannot be pulled (ImagePullBackOff): "
                + "Back-off pulling image", exit.reason());
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs().isEmpty());
    }

    @Test
    void anUnschedulablePodWaitsWithTheSchedulersMessageThenFailsAtTheDeadline() throws Exception {
        KubernetesJobRunner patient = new KubernetesJobRunner(client, new Settings(Duration.ZERO,
                Duration.ofSeconds(2)));
        RunningTask task = patient.start(LAUNCH);
        List<Optional<String>> heard = new CopyOnWriteArrayList<>();
        task.onPending(heard::add);

        unschedulable(client.pods().inNamespace(NAMESPACE).resource(pod(onlyJob())).create());

        await().atMost(Duration.ofSeconds(10)).until(() -> !heard.isEmpty());
        assertEquals(Optional.of("unschedulable: no node can run the pod yet: 0/3 nodes are available: 3 Insufficient"
                + " memory."), heard.get(0));
        assertFalse(task.exit().isDone(), "pending is not failed");
        TaskExit exit = task.exit().get(10, TimeUnit.SECONDS);
        assertEquals("still unschedulable after 2 s (rightsize.orchestrator.kubernetes.pending-deadline): 0/3 nodes"
                + " are available: 3 Insufficient memory.", exit.reason());
        assertFalse(exit.succeeded());
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs().isEmpty());
    }

    @Test
    void aPendingPodThatGetsANodeRunsToItsEnd() throws Exception {
        RunningTask task = runner.start(LAUNCH);
        List<Optional<String>> heard = new CopyOnWriteArrayList<>();
        task.onPending(heard::add);
        Pod pod = client.pods().inNamespace(NAMESPACE).resource(pod(onlyJob())).create();
        unschedulable(pod);
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 1);

        // An autoscaler added a node: the scheduler places the pod and it runs.
        client.pods().inNamespace(NAMESPACE).withName(pod.getMetadata().getName()).edit(p -> new PodBuilder(p)
                .editSpec().withNodeName("node-new").endSpec().build());
        client.pods().inNamespace(NAMESPACE).withName(pod.getMetadata().getName()).editStatus(p -> new PodBuilder(p)
                .withNewStatus().withPhase("Succeeded").withContainerStatuses(new ContainerStatusBuilder()
                        .withName("task").withNewState().withNewTerminated().withExitCode(0).endTerminated()
                        .endState().build()).endStatus().build());

        TaskExit exit = task.exit().get(10, TimeUnit.SECONDS);
        assertTrue(exit.succeeded(), exit.reason());
        assertEquals(Optional.empty(), heard.get(heard.size() - 1), "placed after all: no longer waiting");
    }

    private void unschedulable(Pod pod) {
        client.pods().inNamespace(NAMESPACE).resource(pod).editStatus(p -> new PodBuilder(p).withNewStatus()
                .withPhase("Pending").withConditions(new PodConditionBuilder().withType("PodScheduled")
                        .withStatus("False").withReason("Unschedulable")
                        .withMessage("0/3 nodes are available: 3 Insufficient memory.").build())
                .endStatus().build());
    }

    @Test
    void startNamesTheNodeThePodIsPlacedOn() throws Exception {
        KubernetesJobRunner waiting = new KubernetesJobRunner(client, new Settings(Duration.ofSeconds(20)));
        CompletableFuture<RunningTask> started = CompletableFuture.supplyAsync(() -> {
            try {
                return waiting.start(LAUNCH);
            } catch (TaskStartException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs().size() == 1);

        client.pods().inNamespace(NAMESPACE).resource(new PodBuilder(pod(onlyJob())).editSpec()
                .withNodeName("node-a").endSpec().build()).create();

        RunningTask task = started.get(10, TimeUnit.SECONDS);
        assertEquals("node-a", task.host());
        task.cancel();
    }

    @Test
    void cancelDeletesTheJob() throws Exception {
        RunningTask task = runner.start(LAUNCH);
        assertEquals(1, jobs().size());

        task.cancel();

        assertTrue(task.exit().get(10, TimeUnit.SECONDS).cancelled());
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs().isEmpty());
    }

    @Test
    void needsNothingBeyondTheRoleInTheKubernetesBase() throws Exception {
        RunningTask task = runner.start(LAUNCH);
        podOf(onlyJob(), new ContainerStatusBuilder().withName("task").withNewState().withNewRunning()
                .endRunning().endState().build());
        task.cancel();
        task.exit().get(10, TimeUnit.SECONDS);
        Set<String> granted = grantedByRole();

        Set<String> used = new TreeSet<>();
        for (RecordedRequest r = server.getKubernetesMockServer().takeRequest(200, TimeUnit.MILLISECONDS); r != null;
                r = server.getKubernetesMockServer().takeRequest(200, TimeUnit.MILLISECONDS)) {
            used.add(Manifests.rbacGrant(r.getMethod(), r.getPath()));
        }
        // What the test itself did while playing the Job controller is not the runner's business.
        used.removeAll(Set.of("/pods:create", "/pods/status:update", "/pods/status:patch"));
        assertTrue(used.contains("batch/jobs:create") && used.contains("batch/jobs:delete"), used.toString());
        assertTrue(granted.containsAll(used), "used " + used + ", granted " + granted);
    }

    @Test
    void refusesFilesOutsideTheWorkVolume() {
        TaskLaunch local = new TaskLaunch("o", 1, 0, "blur", Map.of(), Path.of(".rightsize/work/o/in.png"),
                Path.of("/rightsize/work/o/0-blur.png"), Path.of("/rightsize/work/o/0-blur.log"), ALLOCATION, 1);

        TaskStartException e = assertThrows(TaskStartException.class, () -> runner.start(local));
        assertTrue(e.getMessage().contains("not on the shared work volume mounted at /rightsize"), e.getMessage());
        assertTrue(jobs().isEmpty());
    }

    private static Set<String> grantedByRole() throws Exception {
        return Manifests.grants(Manifests.find(Manifests.documents("base"), "Role", "orchestrator-task-runner"));
    }

    private List<Job> jobs() {
        return client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems();
    }

    private Job onlyJob() {
        List<Job> jobs = jobs();
        assertEquals(1, jobs.size());
        return jobs.get(0);
    }

    /** The pod the Job controller would create, with its template's labels. */
    private static Pod pod(Job job) {
        return new PodBuilder().withNewMetadata().withName(job.getMetadata().getName() + "-x7k2p")
                .withNamespace(NAMESPACE).withLabels(job.getSpec().getTemplate().getMetadata().getLabels())
                .endMetadata().withSpec(job.getSpec().getTemplate().getSpec()).build();
    }

    private void podOf(Job job, ContainerStatus status) {
        Pod pod = client.pods().inNamespace(NAMESPACE).resource(pod(job)).create();
        client.pods().inNamespace(NAMESPACE).resource(pod).editStatus(p -> new PodBuilder(p).withNewStatus()
                .withPhase("Running").withContainerStatuses(status).endStatus().build());
    }

    /** The runner's settings as the kubernetes base's ConfigMap gives them. */
    private record Settings(Duration placementWait, Duration pendingDeadline)
            implements OrchestratorConfig.Kubernetes {

        Settings(Duration placementWait) {
            this(placementWait, Duration.ofMinutes(15));
        }

        @Override
        public String taskImage() {
            return "registry.example/rightsize-tasks:1";
        }

        @Override
        public Optional<String> namespace() {
            return Optional.of(NAMESPACE);
        }

        @Override
        public String workClaim() {
            return "rightsize-work";
        }

        @Override
        public String workMountPath() {
            return "/rightsize";
        }

        @Override
        public Duration activeDeadline() {
            return Duration.ofMinutes(90);
        }

        @Override
        public int ttlSecondsAfterFinished() {
            return 600;
        }
    }
}
