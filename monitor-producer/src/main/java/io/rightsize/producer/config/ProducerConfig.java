package io.rightsize.producer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Monitor-producer settings, overridable by environment (RIGHTSIZE_PRODUCER_...). */
@ConfigMapping(prefix = "rightsize.producer")
public interface ProducerConfig {

    /** local: sample processes started on this host; kubernetes: sample the task pods on this node. */
    @WithDefault("local")
    ProbeMode mode();

    /** Host name this instance samples for (local mode); the machine's own by default. Names its consumer group too. */
    Optional<String> host();

    /** Time between two samples of a task. */
    @WithDefault("1s")
    Duration interval();

    /**
     * How far back task events are read again whenever this instance gets the task-event partitions: a restarted
     * producer finds the tasks still running (and records the gap it left) instead of skipping them. Older events are
     * not read.
     */
    @WithDefault("6h")
    Duration replayWindow();

    Kubernetes kubernetes();

    /** Settings of the DaemonSet mode: one producer per node samples that node's task pods. */
    interface Kubernetes {

        /** The node this instance runs on (the DaemonSet passes spec.nodeName); required in kubernetes mode. */
        Optional<String> nodeName();

        /** Namespace of the task pods; the client's (the pod's own) by default. */
        Optional<String> namespace();

        /** Where the node's cgroup hierarchy is mounted (read-only hostPath). */
        @WithDefault("/sys/fs/cgroup")
        Path cgroupRoot();

        /** Where the node's /proc is mounted, for each pod's network counters (read-only hostPath). */
        @WithDefault("/proc")
        Path procRoot();

        /** How long a STARTED task's pod may take to get a running container before it is given up. */
        @WithDefault("5m")
        Duration attachTimeout();
    }
}
