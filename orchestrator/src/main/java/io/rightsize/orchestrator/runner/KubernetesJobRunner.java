package io.rightsize.orchestrator.runner;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs each task as a batch/v1 Job in the orchestrator's namespace, its pod mounting the shared work claim where
 * the orchestrator keeps inputs and outputs. Uses only jobs (create, get, list, watch, delete) and pods (get, list,
 * watch): the Role in kubernetes/base grants exactly that.
 */
public class KubernetesJobRunner implements TaskRunner {

    private static final Logger LOG = Logger.getLogger(KubernetesJobRunner.class);

    private final KubernetesClient client;
    private final OrchestratorConfig.Kubernetes config;
    private final String namespace;

    public KubernetesJobRunner(KubernetesClient client, OrchestratorConfig.Kubernetes config) {
        this.client = client;
        this.config = config;
        this.namespace = config.namespace().orElseGet(client::getNamespace);
    }

    @Override
    public RunningTask start(TaskLaunch launch) throws TaskStartException {
        Path mount = Path.of(config.workMountPath());
        for (Path file : new Path[] {launch.input(), launch.output()}) {
            if (!file.isAbsolute() || !file.normalize().startsWith(mount)) {
                throw new TaskStartException("cannot start " + launch.service() + ": " + file + " is not on the"
                        + " shared work volume mounted at " + mount + "; set rightsize.orchestrator.work-dir and"
                        + " input-roots to absolute paths under it", null);
            }
        }
        String name = TaskJobs.name(launch);
        Job job = TaskJobs.job(name, namespace, launch, config);
        try {
            client.batch().v1().jobs().inNamespace(namespace).resource(job).create();
        } catch (KubernetesClientException e) {
            throw new TaskStartException("cannot create Job " + name + " for " + launch.service() + ": "
                    + e.getMessage(), e);
        }
        LOG.debugf("created Job %s/%s for order %s task %d", namespace, name, launch.orderId(), launch.taskId());
        KubernetesTask task = new KubernetesTask(client, namespace, name, launch.allocation().memoryLimitBytes(),
                config.pendingDeadline());
        task.follow(config.placementWait());
        return task;
    }

    /** The task's newest Job, found by its order and task labels, followed from its current status. */
    @Override
    public Optional<RunningTask> adopt(String orderId, long taskId, long memoryLimitBytes) {
        List<Job> jobs;
        try {
            jobs = client.batch().v1().jobs().inNamespace(namespace)
                    .withLabel(TaskJobs.ORDER, TaskJobs.labelValue(orderId))
                    .withLabel(TaskJobs.TASK, Long.toString(taskId)).list().getItems();
        } catch (KubernetesClientException e) {
            LOG.warnf("cannot list the Jobs of order %s task %d: %s", orderId, taskId, e.getMessage());
            return Optional.empty();
        }
        // The annotation holds the whole order id where the label had to be cut.
        Optional<Job> newest = jobs.stream()
                .filter(j -> orderId.equals(j.getMetadata().getAnnotations() == null ? orderId
                        : j.getMetadata().getAnnotations().getOrDefault(TaskJobs.ORDER, orderId)))
                .max(Comparator.comparing(j -> String.valueOf(j.getMetadata().getCreationTimestamp())));
        return newest.map(job -> {
            String name = job.getMetadata().getName();
            LOG.infof("adopting Job %s/%s of order %s task %d, left by a previous orchestrator", namespace, name,
                    orderId, taskId);
            KubernetesTask task = new KubernetesTask(client, namespace, name, memoryLimitBytes,
                    config.pendingDeadline());
            task.follow(Duration.ZERO);
            return task;
        });
    }
}
