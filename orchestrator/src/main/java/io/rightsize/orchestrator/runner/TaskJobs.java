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

/** Turns a task launch into the batch/v1 Job that runs it: one pod, never retried, resources from the allocation. */
final class TaskJobs {

    static final String PART_OF = "app.kubernetes.io/part-of";
    static final String ORDER = "rightsize.io/order";
    static final String TASK = "rightsize.io/task";
    static final String SERVICE = "rightsize.io/service";
    /** Set on the pod template by us rather than read from the Job controller's labels, which changed over versions. */
    static final String JOB = "rightsize.io/job";
    static final String CONTAINER = "task";
    static final String WORK_VOLUME = "work";

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
        Map<String, String> labels = labels(launch);
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
                    .withTtlSecondsAfterFinished(config.ttlSecondsAfterFinished())
                    .withNewTemplate()
                        .withNewMetadata().withLabels(podLabels).endMetadata()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            .addNewContainer()
                                .withName(CONTAINER)
                                .withImage(config.taskImage())
                                .withArgs(TaskArguments.of(launch))
                                .withEnv(new EnvVar("JAVA_TOOL_OPTIONS", JAVA_OPTIONS, null))
                                .withNewResources()
                                    .addToRequests("cpu", millicores(a.cpuRequestMillicores()))
                                    .addToRequests("memory", bytes(a.memoryRequestBytes()))
                                    .addToLimits("cpu", millicores(a.cpuLimitMillicores()))
                                    .addToLimits("memory", bytes(a.memoryLimitBytes()))
                                .endResources()
                                .addNewVolumeMount()
                                    .withName(WORK_VOLUME).withMountPath(config.workMountPath())
                                .endVolumeMount()
                            .endContainer()
                            .addNewVolume()
                                .withName(WORK_VOLUME)
                                .withNewPersistentVolumeClaim().withClaimName(config.workClaim()).endPersistentVolumeClaim()
                            .endVolume()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    static Map<String, String> labels(TaskLaunch launch) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(PART_OF, "rightsize");
        labels.put(ORDER, labelValue(launch.orderId()));
        labels.put(TASK, Long.toString(launch.taskId()));
        labels.put(SERVICE, labelValue(launch.service()));
        return labels;
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
