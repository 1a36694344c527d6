package io.rightsize.orchestrator.runner;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A task Job followed through informers on the Job and its pod (list then watch, re-established by the client
 * when a watch drops), so no status change between creation and the first watch event is missed.
 */
final class KubernetesTask implements RunningTask {

    private static final Logger LOG = Logger.getLogger(KubernetesTask.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String jobName;
    private final long memoryLimitBytes;
    private final CompletableFuture<TaskExit> exit = new CompletableFuture<>();
    private final CompletableFuture<Void> placed = new CompletableFuture<>();
    private final Map<String, Pod> pods = new ConcurrentHashMap<>();
    private volatile Job job;
    private volatile boolean jobSeen;
    private volatile boolean cancelled;
    private final Duration pendingDeadline;
    /** When a pod was first seen unschedulable, while it still is; null otherwise. */
    private Instant unschedulableSince;
    private Optional<String> pending = Optional.empty();
    private Consumer<Optional<String>> pendingListener = p -> { };
    private SharedIndexInformer<Job> jobInformer;
    private SharedIndexInformer<Pod> podInformer;

    KubernetesTask(KubernetesClient client, String namespace, String jobName, long memoryLimitBytes,
                   Duration pendingDeadline) {
        this.client = client;
        this.namespace = namespace;
        this.jobName = jobName;
        this.memoryLimitBytes = memoryLimitBytes;
        this.pendingDeadline = pendingDeadline;
        // Not on the informer's own thread, which is the one that completes the exit.
        exit.whenCompleteAsync((e, t) -> stopFollowing());
    }

    /**
     * Starts the informers and waits up to {@code placementWait} for the pod to be placed on a node, or to be found
     * unschedulable (then the task is pending, and the wait would tell nothing more).
     */
    void follow(Duration placementWait) {
        jobInformer = client.batch().v1().jobs().inNamespace(namespace).withName(jobName)
                .inform(handler(j -> {
                    job = j;
                    jobSeen = true;
                }, j -> job = null));
        podInformer = client.pods().inNamespace(namespace).withLabel(TaskJobs.JOB, jobName)
                .inform(handler(p -> pods.put(p.getMetadata().getName(), p), p -> pods.remove(p.getMetadata().getName())));
        if (exit.isDone()) {
            stopFollowing();
        }
        try {
            placed.get(placementWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.debugf("Job %s has no node after %s; its STARTED event names the pod or Job", jobName, placementWait);
        } catch (ExecutionException e) {
            LOG.debugf("Job %s: %s", jobName, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> ResourceEventHandler<T> handler(Consumer<T> update, Consumer<T> delete) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                update.accept(obj);
                check();
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                update.accept(newObj);
                check();
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                delete.accept(obj);
                check();
            }
        };
    }

    private synchronized void check() {
        if (exit.isDone()) {
            return;
        }
        if (pods.values().stream().anyMatch(p -> p.getSpec() != null && p.getSpec().getNodeName() != null)) {
            placed.complete(null);
        }
        if (checkPending()) {
            return;
        }
        JobOutcome.of(job, List.copyOf(pods.values()), memoryLimitBytes).ifPresentOrElse(outcome -> {
            if (outcome.stuck()) {
                delete();
            }
            finish(outcome.exit());
        }, () -> {
            if (jobSeen && job == null) {
                finish(cancelled ? TaskExit.cancelled(JobOutcome.NO_EXIT_CODE)
                        : TaskExit.ended(JobOutcome.NO_EXIT_CODE, "Job " + jobName + " was deleted before it ended"));
            }
        });
    }

    /**
     * Follows an unschedulable pod: tells the listener the scheduler's message (and when it is placed after all),
     * and fails the task once it has waited the pending deadline. True when the task ended here.
     */
    private boolean checkPending() {
        Optional<String> now = JobOutcome.unschedulable(pods.values());
        if (now.isPresent()) {
            placed.complete(null);
            if (unschedulableSince == null) {
                unschedulableSince = Instant.now();
                // Nothing may change while the pod waits: look again at the deadline.
                CompletableFuture.runAsync(this::check, CompletableFuture.delayedExecutor(
                        pendingDeadline.toMillis() + 10, TimeUnit.MILLISECONDS));
            }
            if (!Instant.now().isBefore(unschedulableSince.plus(pendingDeadline))) {
                delete();
                finish(TaskExit.ended(JobOutcome.NO_EXIT_CODE, "still unschedulable after "
                        + pendingDeadline.toSeconds() + " s (rightsize.orchestrator.kubernetes.pending-deadline): "
                        + now.get().replaceFirst("^unschedulable: no node can run the pod yet: ?", "")));
                return true;
            }
        } else {
            unschedulableSince = null;
        }
        if (!now.equals(pending)) {
            pending = now;
            pendingListener.accept(now);
        }
        return false;
    }

    @Override
    public synchronized void onPending(Consumer<Optional<String>> listener) {
        pendingListener = listener;
        if (pending.isPresent() && !exit.isDone()) {
            listener.accept(pending);
        }
    }

    private void finish(TaskExit taskExit) {
        placed.complete(null);
        exit.complete(taskExit);
    }

    @Override
    public long pid() {
        return 0;
    }

    /** The node the pod runs on; until it has one, the pod's name, or the Job's before the pod exists. */
    @Override
    public String host() {
        return pods.values().stream()
                .filter(p -> p.getSpec() != null && p.getSpec().getNodeName() != null)
                .map(p -> p.getSpec().getNodeName())
                .findFirst()
                .or(() -> pods.keySet().stream().findFirst())
                .orElse(jobName);
    }

    @Override
    public CompletableFuture<TaskExit> exit() {
        return exit;
    }

    /** Deletes the Job with background propagation, so Kubernetes removes its pod too. */
    @Override
    public void cancel() {
        cancelled = true;
        delete();
        finish(TaskExit.cancelled(JobOutcome.NO_EXIT_CODE));
    }

    private void delete() {
        try {
            client.batch().v1().jobs().inNamespace(namespace).withName(jobName)
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        } catch (KubernetesClientException e) {
            LOG.warnf("cannot delete Job %s/%s: %s", namespace, jobName, e.getMessage());
        }
    }

    private void stopFollowing() {
        if (jobInformer != null) {
            jobInformer.close();
        }
        if (podInformer != null) {
            podInformer.close();
        }
    }
}
