package io.rightsize.orchestrator.config;

import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.orchestrator.cgroup.EnforcementMode;
import io.rightsize.orchestrator.runner.RunnerKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Orchestrator settings; each is overridable by environment, e.g. RIGHTSIZE_ORCHESTRATOR_WORK_DIR. */
@ConfigMapping(prefix = "rightsize.orchestrator")
public interface OrchestratorConfig {

    /** Where tasks run; the Kubernetes client is only created when this is {@code kubernetes}. */
    @WithDefault("local")
    RunnerKind runner();

    /** How tasks run as Jobs when {@link #runner()} is {@code kubernetes}. */
    Kubernetes kubernetes();

    /** Class path of the task catalog's jar, run as {@code java -cp ... io.rightsize.tasks.TaskMain}. */
    String tasksClasspath();

    /** Where each order's intermediate and output images and task logs go. */
    Path workDir();

    /** Input images must resolve (after symlinks) to a file under one of these. */
    List<Path> inputRoots();

    /**
     * At most this many orders in flight at once (each holds a thread, its tasks run in sequence); how many tasks
     * actually run at once is the {@link #capacity()}'s to decide, locally.
     */
    @WithDefault("32")
    int maxConcurrentOrders();

    /** What all local tasks together may reserve; a task starts when its requests fit beside the running ones'. */
    CapacitySettings capacity();

    /** The java executable for tasks; the orchestrator's own by default. */
    Optional<String> javaCommand();

    /**
     * How a local task's allocation is held to: {@code auto} puts each task in a cgroup limited to it where cgroups
     * can be written and else emulates it with JVM flags, {@code cgroups} refuses to start without them,
     * {@code emulated} always emulates. The start log and the {@code rightsize-enforcement} health check say which.
     */
    @WithDefault("auto")
    EnforcementMode enforcement();

    /** How each order asks the predictor for its allocations, and what it does when no answer comes. */
    Predictor predictor();

    interface Predictor {
        /** The longest an order waits for the predictor before it falls back; the predictor answers from memory. */
        @WithDefault("2s")
        Duration deadline();

        /**
         * The recommender (one of Recommenders.all()) the orchestrator itself applies to a service's stored
         * samples when the predictor cannot answer.
         */
        @WithDefault(Recommenders.FALLBACK)
        String fallbackRecommender();
    }

    interface CapacitySettings {
        /** CPU for tasks as a quantity ({@code 2}, {@code 1500m}); by default this machine's cores less the reserve. */
        Optional<String> cpu();

        /** Memory for tasks ({@code 3Gi}); by default this machine's memory less the reserve. */
        Optional<String> memory();

        /** CPU kept for the stack itself when the capacity is not configured. */
        @WithDefault("500m")
        String reserveCpu();

        /** Memory kept for the stack itself (its JVMs, Kafka, PostgreSQL) when the capacity is not configured. */
        @WithDefault("2Gi")
        String reserveMemory();

        /**
         * How many later tasks may start ahead of a waiting one that does not fit (backfill) before it holds the
         * line until it has started; 0 is strict submission order.
         */
        @WithDefault("8")
        int maxOvertakes();
    }

    interface Kubernetes {
        /** The task image; its entrypoint is the catalog's TaskMain, so a Job passes only the task's arguments. */
        @WithDefault("rightsize/tasks:0.1.0")
        String taskImage();

        /** The namespace Jobs go to; the client's own (in a pod: the pod's) when absent. */
        Optional<String> namespace();

        /** The PersistentVolumeClaim shared by the orchestrator and its tasks, through which images pass. */
        @WithDefault("rightsize-work")
        String workClaim();

        /**
         * Where the claim is mounted in task pods; the orchestrator mounts it at the same path, so the input and
         * output paths it hands a task mean the same file on both sides.
         */
        @WithDefault("/rightsize")
        String workMountPath();

        /**
         * The longest a task Job may run (its {@code activeDeadlineSeconds}, whole seconds, at least one): past it
         * Kubernetes kills the pod and fails the Job (reason DeadlineExceeded), so a hung task never holds its
         * allocation for good.
         */
        @WithDefault("1h")
        Duration activeDeadline();

        /** How long a finished Job (and its pod's log) stays for inspection before Kubernetes deletes it. */
        @WithDefault("3600")
        int ttlSecondsAfterFinished();

        /** How long a start waits for the pod to get a node, so the STARTED event names the node it runs on. */
        @WithDefault("30s")
        Duration placementWait();

        /**
         * How long a task's pod may stay unschedulable (the cluster is full until tasks end or an autoscaler adds a
         * node) before the task fails with the scheduler's message; meanwhile the task is WAITING with it.
         */
        @WithDefault("15m")
        Duration pendingDeadline();
    }
}
