package io.rightsize.producer.sampling;

import java.util.OptionalLong;

/**
 * What a task's limits did to it so far, counted by its cgroup: CPU time held back by the CFS quota, and the
 * kernel's OOM kills where this kernel counts them (v1 since Linux 4.13).
 */
public record LimitCounters(long throttledMicros, OptionalLong oomKills) {
}
