package io.rightsize.orchestrator.runner;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.rightsize.allocation.policy.TaskHeap;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns a task launch into the batch/v1 Job that runs it: one pod, never retried, resources from the allocation,
 * under the restricted Pod Security profile (the namespace enforces it), no API token, a deadline.
 */
final class TaskJobs {

    static final String NAME = "app.kubernetes.io/name";
    static final String INSTANCE = "app.kubernetes.io/instance";
    static final String COMPONENT = "app.kubernetes.io/component";
    static final String PART_OF = "app.kubernetes.io/part-of";
    static final String VERSION = "app.kubernetes.io/version";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    /** What the namespace's NetworkPolicy rightsize-task selects: task pods get no traffic in or out. */
    static final String TASK_NAME = "rightsize-task";
    static final String ORDER = "rightsize.io/order";
    static final String TASK = "rightsize.io/task";
    static final String SERVICE = "rightsize.io/service";
    /** Set on the pod template by us rather than read from the Job controller's labels, which changed over versions. */
    static final String JOB = "rightsize.io/job";
    static final String CONTAINER = "task";
    static final String WORK_VOLUME = "work";
    static final String TMP_VOLUME = "tmp";
    /** The task image's USER (tasks/src/main/docker/Dockerfile), as the services': one owner on the work volume. */
    static final long TASK_UID = 185;

    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
    // The task JVM sizes its heap from the container's memory limit as a local task does from its -Xmx.
    private static final String JAVA_OPTIONS = "-XX:MaxRAMPercentage=" + TaskHeap.SHARE_PERCENT + " -XX:+UseG1GC";

    private TaskJobs() {
    }

    /** A fresh name per launch: an out-of-memory retry of the same task must not collide with the first Job. */
    static String name(TaskLaunch launch) {
        return "rightsize-task-" + launch.taskId() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Job job(String name, String namespace, TaskLaunch launch, OrchestratorConfig.Kubernetes config) {
        Map<String, String> labels = labels(launch, config.taskImage());
        Map<String, String> podLabels = new LinkedHashMap<>(labels);
        podLabels.put(JOB, name);
        Allocation a = launch.allocation();
        return new JobBuilder()
                .withNewMetadata()
                    .withName(name).withNamespace(namespace).withLabels(labels)
                    // Label values are capped at 63 characters; the annotation always keeps the whole order id.
                    .addToAnnotations(ORDER, launch.orderId())
                .endMetadata()
                .withNewSpec()
                    .withBackoffLimit(0)
                    .withActiveDeadlineSeconds(Math.max(1, config.activeDeadline().toSeconds()))
                    .withTtlSecondsAfterFinished(config.ttlSecondsAfterFinished())
                    .withNewTemplate()
                        .withNewMetadata().withLabels(podLabels).endMetadata()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            // A task reads and writes files, never the API.
                            .withAutomountServiceAccountToken(false)
                            .withNewSecurityContext()
                                .withRunAsNonRoot(true)
                                .withRunAsUser(TASK_UID)
                                .withFsGroup(TASK_UID)
                                .withFsGroupChangePolicy("OnRootMismatch")
                                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                            .endSecurityContext()
                            .addNewContainer()
                                .withName(CONTAINER)
                                .withImage(config.taskImage())
                                .withArgs(TaskArguments.of(launch))
                                .withEnv(new EnvVar("JAVA_TOOL_OPTIONS", JAVA_OPTIONS, null))
                                .withNewSecurityContext()
                                    .withAllowPrivilegeEscalation(false)
                                    .withReadOnlyRootFilesystem(true)
                                    .withNewCapabilities().withDrop("ALL").endCapabilities()
                                .endSecurityContext()
                                .withNewResources()
                                    .addToRequests("cpu", millicores(a.cpuRequestMillicores()))
                                    .addToRequests("memory", bytes(a.memoryRequestBytes()))
                                    .addToLimits("cpu", millicores(a.cpuLimitMillicores()))
                                    .addToLimits("memory", bytes(a.memoryLimitBytes()))
                                .endResources()
                                .addNewVolumeMount()
                                    .withName(WORK_VOLUME).withMountPath(config.workMountPath())
                                .endVolumeMount()
                                .addNewVolumeMount()
                                    .withName(TMP_VOLUME).withMountPath("/tmp")
                                .endVolumeMount()
                            .endContainer()
                            .addNewVolume()
                                .withName(WORK_VOLUME)
                                .withNewPersistentVolumeClaim().withClaimName(config.workClaim()).endPersistentVolumeClaim()
                            .endVolume()
                            // The JVM's and ImageIO's scratch files; the root filesystem is read-only.
                            .addNewVolume()
                                .withName(TMP_VOLUME)
                                .withNewEmptyDir().withSizeLimit(new Quantity("1Gi")).endEmptyDir()
                            .endVolume()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    static Map<String, String> labels(TaskLaunch launch, String taskImage) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, TASK_NAME);
        labels.put(INSTANCE, "rightsize");
        labels.put(COMPONENT, "task");
        labels.put(PART_OF, "rightsize");
        labels.put(VERSION, labelValue(imageTag(taskImage)));
        labels.put(MANAGED_BY, "rightsize-orchestrator");
        labels.put(ORDER, labelValue(launch.orderId()));
        labels.put(TASK, Long.toString(launch.taskId()));
        labels.put(SERVICE, labelValue(launch.service()));
        return labels;
    }

    /** The image's tag, {@code latest} when it has none (as the runtime reads it); a digest is not a version. */
    static String imageTag(String image) {
        String withoutDigest = image.split("@", 2)[0];
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(colon + 1) : "latest";
    }

    /** An order id is valid as a label value unless it is longer or starts or ends with a dot or a dash. */
    static String labelValue(String value) {
        if (LABEL_VALUE.matcher(value).matches()) {
            return value;
        }
        String cut = value.length() > 63 ? value.substring(0, 63) : value;
        return cut.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
    }

    private static Quantity millicores(long millicores) {
        return new Quantity(millicores + "m");
    }

    private static Quantity bytes(long bytes) {
        return new Quantity(String.format(Locale.ROOT, "%d", bytes));
    }
}
