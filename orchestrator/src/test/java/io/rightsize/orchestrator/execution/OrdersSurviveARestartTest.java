package io.rightsize.orchestrator.execution;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.common.order.OrderLimits;
import io.rightsize.common.order.OrderSpec;
import io.rightsize.common.order.OrderValidator;
import io.rightsize.common.order.TaskRequest;
import io.rightsize.common.order.ValidOrder;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import io.rightsize.orchestrator.PredictorDownResource;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import io.rightsize.orchestrator.domain.OrderRecord;
import io.rightsize.orchestrator.domain.OrderState;
import io.rightsize.orchestrator.domain.TaskRecord;
import io.rightsize.orchestrator.domain.TaskState;
import io.rightsize.orchestrator.runner.KubernetesJobRunner;
import io.rightsize.orchestrator.runner.LocalTaskFiles;
import io.rightsize.orchestrator.runner.TaskLaunch;
import io.rightsize.orchestrator.store.OrderStore;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A rollout on Kubernetes keeps the work in flight: an order whose first task's Job a previous orchestrator started
 * is continued by the next one, which adopts that Job (no new one, no second start), follows it to its end and runs
 * the rest of the order. The test plays the Job controller, as KubernetesJobRunnerTest does.
 */
@QuarkusTest
@TestProfile(OrdersSurviveARestartTest.OnKubernetes.class)
@WithKubernetesTestServer(crud = true)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PredictorDownResource.class)
class OrdersSurviveARestartTest {

    private static final String NAMESPACE = "rightsize-test";
    /** The repository: work directory and inputs are under it, as they are under the shared volume in a cluster. */
    private static final Path MOUNT = Path.of("..").toAbsolutePath().normalize();

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    OrderExecutor executor;

    @Inject
    OrderStore store;

    @Inject
    OrchestratorConfig config;

    /** The Kubernetes runner, with the work volume where the tests keep their files. */
    public static class OnKubernetes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rightsize.orchestrator.runner", "kubernetes",
                    "rightsize.orchestrator.kubernetes.namespace", NAMESPACE,
                    "rightsize.orchestrator.kubernetes.work-mount-path", MOUNT.toString(),
                    "rightsize.orchestrator.kubernetes.placement-wait", "0s",
                    "rightsize.orchestrator.work-dir", MOUNT.resolve("orchestrator/target/work").toString(),
                    "rightsize.vpa.enabled", "false");
        }
    }

    @Test
    void aRestartedOrchestratorAdoptsTheRunningJobAndFinishesTheOrder() throws Exception {
        KubernetesClient client = server.getClient();
        String id = "rollout-" + UUID.randomUUID().toString().substring(0, 8);
        ValidOrder order = new OrderValidator(OrderLimits.defaults(config.inputRoots())).validate(new OrderSpec(id,
                MOUNT.resolve("examples/images/city.png").toString(), List.of(new TaskRequest("grayscale", Map.of()),
                        new TaskRequest("sobel", Map.of()))), MOUNT);
        // What the previous orchestrator did before it stopped: stored the order, started task 0's Job, said so.
        OrderRecord stored = store.insert(order, Instant.now()).await().atMost(Duration.ofSeconds(10));
        TaskRecord first = stored.tasks().get(0);
        Allocation allocation = new Allocation(500, 1000, 256L << 20, 512L << 20, "before the rollout");
        LocalTaskFiles files = LocalTaskFiles.of(config.workDir().toAbsolutePath().resolve(id), 0, "grayscale");
        Instant startedAt = Instant.now().minusSeconds(30);
        new KubernetesJobRunner(client, config.kubernetes()).start(new TaskLaunch(id, first.id(), 0, "grayscale",
                first.params(), order.image(), files.output(), files.log(), allocation, 1));
        TaskRecord running = first.running(0, "node-a", startedAt, files.output().toString(), allocation, 12_345);
        store.saveTask(id, running).await().atMost(Duration.ofSeconds(10));
        store.saveOrder(stored.withTask(running).withState(OrderState.RUNNING, null, startedAt))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals(1, jobsOf(client, id).size());

        executor.resumeUnfinished();

        // The adopted Job ends; its output is there for the next task.
        Files.createDirectories(files.output().getParent());
        Files.copy(order.image(), files.output());
        succeed(client, jobsOf(client, id).get(0));
        await().atMost(Duration.ofSeconds(20)).until(() -> jobsOf(client, id).size() == 2);
        Job second = jobsOf(client, id).stream().filter(j -> j.getMetadata().getLabels()
                .get("rightsize.io/service").equals("sobel")).findFirst().orElseThrow();
        succeed(client, second);

        await().atMost(Duration.ofSeconds(20)).until(() -> stored(id).state() == OrderState.SUCCEEDED);
        OrderRecord done = stored(id);
        assertEquals(List.of(TaskState.SUCCEEDED, TaskState.SUCCEEDED),
                done.tasks().stream().map(TaskRecord::state).toList());
        assertEquals(startedAt.toEpochMilli(), done.tasks().get(0).startedAt().toEpochMilli(),
                "the adopted task keeps the start the previous orchestrator gave it");
        assertEquals("before the rollout", done.tasks().get(0).allocation().source());
        assertEquals(1, done.tasks().get(0).attempts(), "followed, not run again");
        assertTrue(done.tasks().get(1).startedAt().isAfter(done.tasks().get(0).finishedAt().minusMillis(1)));
    }

    private OrderRecord stored(String id) {
        return store.find(id).await().atMost(Duration.ofSeconds(5)).orElseThrow();
    }

    private static List<Job> jobsOf(KubernetesClient client, String orderId) {
        return client.batch().v1().jobs().inNamespace(NAMESPACE).withLabel("rightsize.io/order", orderId).list()
                .getItems();
    }

    /** Plays the Job controller and the kubelet: the Job's pod ran on a node and its container exited 0. */
    private static void succeed(KubernetesClient client, Job job) {
        Pod pod = client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata()
                .withName(job.getMetadata().getName() + "-p0d").withNamespace(NAMESPACE)
                .withLabels(job.getSpec().getTemplate().getMetadata().getLabels()).endMetadata()
                .withSpec(job.getSpec().getTemplate().getSpec()).editSpec().withNodeName("node-b").endSpec().build())
                .create();
        client.pods().inNamespace(NAMESPACE).resource(pod).editStatus(p -> new PodBuilder(p).withNewStatus()
                .withPhase("Succeeded").withContainerStatuses(new ContainerStatusBuilder().withName("task")
                        .withNewState().withNewTerminated().withExitCode(0).endTerminated().endState().build())
                .endStatus().build());
    }
}
