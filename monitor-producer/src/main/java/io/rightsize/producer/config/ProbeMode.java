package io.rightsize.producer.config;

/** Where tasks run, so how they are sampled: local processes through /proc, or task pods through cgroup files. */
public enum ProbeMode {
    LOCAL,
    KUBERNETES
}
