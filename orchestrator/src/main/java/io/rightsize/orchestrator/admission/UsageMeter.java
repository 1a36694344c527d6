package io.rightsize.orchestrator.admission;

import io.rightsize.orchestrator.cgroup.Enforcements;
import io.rightsize.orchestrator.cgroup.ParentUsage;
import io.rightsize.orchestrator.cgroup.TaskCgroups;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What the running tasks use now, from their cgroups' parent: memory as read, CPU as the rate since the previous
 * reading (so a reading after a quiet spell covers that spell, as {@code kubectl top} averages its window; the very
 * first over a short window of its own).
 * Empty when limits are emulated: there is no parent to read.
 */
@ApplicationScoped
public class UsageMeter {

    private static final Logger LOG = Logger.getLogger(UsageMeter.class);
    private static final long FIRST_WINDOW_MILLIS = 200;

    private final Optional<TaskCgroups> cgroups;
    private long lastNanos;
    private double lastCpuSeconds = -1;
    private long lastRateMillicores;

    public UsageMeter(Enforcements enforcements) {
        this.cgroups = enforcements.current().cgroups();
    }

    /** CPU millicores and memory bytes in use by all tasks now. */
    public synchronized Optional<Demand> usedNow() {
        if (cgroups.isEmpty()) {
            return Optional.empty();
        }
        ParentUsage now;
        try {
            now = cgroups.get().usedNow();
            if (lastCpuSeconds < 0 && now.cpuSeconds().isPresent()) {
                // The first reading has no earlier one to make a rate with: take one a moment later.
                lastCpuSeconds = now.cpuSeconds().getAsDouble();
                lastNanos = System.nanoTime();
                Thread.sleep(FIRST_WINDOW_MILLIS);
                now = cgroups.get().usedNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException e) {
            // The parent is gone between tasks when a sharing orchestrator stopped: nothing runs in it.
            LOG.debugf("cannot read the task cgroups' usage: %s", e.getMessage());
            return Optional.of(Demand.NONE);
        }
        long nanos = System.nanoTime();
        if (now.cpuSeconds().isPresent()) {
            double cpu = now.cpuSeconds().getAsDouble();
            if (lastCpuSeconds >= 0 && cpu >= lastCpuSeconds && nanos > lastNanos) {
                lastRateMillicores = Math.round((cpu - lastCpuSeconds) * 1e12 / (nanos - lastNanos));
            }
            lastCpuSeconds = cpu;
            lastNanos = nanos;
        }
        return Optional.of(new Demand(lastRateMillicores, now.workingSetBytes()));
    }
}
