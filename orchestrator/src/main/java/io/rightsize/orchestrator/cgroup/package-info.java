/**
 * Kernel enforcement of a local task's allocation: each task process runs in a cgroup of its own, made under the
 * orchestrator's own cgroup (in {@code rightsize-tasks/orchestrator-<pid>}, the one parent that holds its tasks and
 * carries its task capacity), limited to the
 * allocation's memory (the kernel OOM-kills beyond it) and CPU (a CFS quota), read for its true peak memory and CPU
 * time when it ends, then removed. Where cgroups cannot be written the orchestrator falls back to emulation (JVM flags
 * only) and says why.
 */
package io.rightsize.orchestrator.cgroup;
