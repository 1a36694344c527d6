package io.rightsize.cli.experiment;

/**
 * One arm's figures, as {@code --json} prints them: reserved is the running attempts' requests over their run time,
 * used what their cgroups' samples measured (a task with no sample counts its end-of-run totals).
 */
public record ArmResult(String name, int orders, double makespanSeconds, double ordersPerHour,
                        double reservedCpuSeconds, double usedCpuSeconds, double reservedMemoryGiBSeconds,
                        double usedMemoryGiBSeconds, double memoryUtilisation, double cpuUtilisation, int oomKills,
                        double throttledCpuSeconds, int failedOrders, int attempts, double queueWaitP50Seconds,
                        double queueWaitP95Seconds) {
}
