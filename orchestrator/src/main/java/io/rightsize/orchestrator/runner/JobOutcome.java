package io.rightsize.orchestrator.runner;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.rightsize.tasks.ExitCode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a task Job ended, read from the Job and its pod. {@code stuck} means the pod can never run (its image cannot
 * be pulled) although Kubernetes would keep it waiting: the runner deletes such a Job itself. An unschedulable pod
 * is no end: it waits for capacity ({@link #unschedulable}).
 */
record JobOutcome(TaskExit exit, boolean stuck) {

    /** No exit code exists when the container never ran. */
    static final int NO_EXIT_CODE = -1;
    private static final Set<String> IMAGE_PULL_ERRORS =
            Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");
    private static final long MIB = 1024 * 1024;

    /** The outcome once known; empty while the task is still pending or running. */
    static Optional<JobOutcome> of(Job job, Collection<Pod> pods, long memoryLimitBytes) {
        for (Pod pod : pods) {
            Optional<JobOutcome> fromPod = fromPod(pod, memoryLimitBytes);
            if (fromPod.isPresent()) {
                return fromPod;
            }
        }
        return job == null ? Optional.empty() : fromJob(job);
    }

    private static Optional<JobOutcome> fromPod(Pod pod, long memoryLimitBytes) {
        if (pod.getStatus() == null) {
            return Optional.empty();
        }
        for (ContainerStatus container : orEmpty(pod.getStatus().getContainerStatuses())) {
            if (container.getState() == null) {
                continue;
            }
            ContainerStateTerminated terminated = container.getState().getTerminated();
            if (terminated != null) {
                return Optional.of(new JobOutcome(terminated(terminated, memoryLimitBytes), false));
            }
            ContainerStateWaiting waiting = container.getState().getWaiting();
            if (waiting != null && IMAGE_PULL_ERRORS.contains(waiting.getReason())) {
                return Optional.of(new JobOutcome(TaskExit.ended(NO_EXIT_CODE, "image " + container.getImage()
                        + " cannot be pulled (" + waiting.getReason() + ")" + detail(waiting.getMessage())), true));
            }
        }
        return Optional.empty();
    }

    /**
     * The scheduler's message while no node can run the pod yet ({@code PodScheduled=False, Unschedulable}): not an
     * end, since capacity frees up or an autoscaler adds a node; empty once a pod is placed or none is pending so.
     */
    static Optional<String> unschedulable(Collection<Pod> pods) {
        for (Pod pod : pods) {
            if (pod.getStatus() == null || (pod.getSpec() != null && pod.getSpec().getNodeName() != null)) {
                continue;
            }
            for (PodCondition condition : orEmpty(pod.getStatus().getConditions())) {
                if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())
                        && "Unschedulable".equals(condition.getReason())) {
                    return Optional.of("unschedulable: no node can run the pod yet" + detail(condition.getMessage()));
                }
            }
        }
        return Optional.empty();
    }

    private static TaskExit terminated(ContainerStateTerminated terminated, long memoryLimitBytes) {
        int code = terminated.getExitCode() == null ? NO_EXIT_CODE : terminated.getExitCode();
        // OOMKilled is the kernel's verdict on the container; exit 4 is the task's JVM running out of its heap,
        // sized from the same limit, so both are the failure a retry with more memory can fix.
        if ("OOMKilled".equals(terminated.getReason()) || code == ExitCode.OUT_OF_MEMORY.code()) {
            return TaskExit.outOfMemory(code, "OOMKilled: the task exceeded its memory limit of "
                    + Math.round((double) memoryLimitBytes / MIB) + " MiB");
        }
        if (code == 0) {
            return TaskExit.ended(0, null);
        }
        String why = terminated.getReason() == null ? "" : " (" + terminated.getReason() + ")";
        return TaskExit.ended(code, "exit code " + code + why + detail(terminated.getMessage()));
    }

    private static Optional<JobOutcome> fromJob(Job job) {
        if (job.getStatus() == null) {
            return Optional.empty();
        }
        if (job.getStatus().getSucceeded() != null && job.getStatus().getSucceeded() > 0) {
            return Optional.of(new JobOutcome(TaskExit.ended(0, null), false));
        }
        for (JobCondition condition : orEmpty(job.getStatus().getConditions())) {
            if ("True".equals(condition.getStatus())) {
                if ("Complete".equals(condition.getType())) {
                    return Optional.of(new JobOutcome(TaskExit.ended(0, null), false));
                }
                if ("Failed".equals(condition.getType())) {
                    return Optional.of(new JobOutcome(TaskExit.ended(NO_EXIT_CODE, "Job failed ("
                            + condition.getReason() + ")" + detail(condition.getMessage())), false));
                }
            }
        }
        return Optional.empty();
    }

    private static String detail(String message) {
        return message == null || message.isBlank() ? "" : ": " + message.strip();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
