package io.rightsize.cli.experiment;

import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.Resource;
import io.rightsize.api.v1.Task;
import io.rightsize.api.v1.UsageSample;
import io.rightsize.cli.bench.Percentiles;
import io.rightsize.client.mapping.TimestampMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns what one arm left ({@link ArmRecord}) into its figures ({@link ArmResult}). */
public final class ArmMetrics {

    /** Each stored sample stands for one sampling interval (the monitor-producer's 1 s). */
    static final double SAMPLE_SECONDS = 1.0;
    private static final double GIB = 1L << 30;

    private ArmMetrics() {
    }

    public static ArmResult of(ArmRecord r) {
        List<Attempt> attempts = Attempt.of(r.events());
        Instant first = r.submittedAt().values().stream().min(Comparator.naturalOrder()).orElseThrow();
        Instant last = r.orders().stream().filter(Order::hasFinishedAt)
                .map(o -> TimestampMapper.fromProto(o.getFinishedAt())).max(Comparator.naturalOrder()).orElse(first);
        double makespan = Duration.between(first, last).toMillis() / 1000.0;
        double reservedCpu = 0;
        double reservedMemory = 0;
        for (Attempt a : attempts) {
            reservedCpu += a.allocation().cpuRequestMillicores() / 1000.0 * a.seconds();
            reservedMemory += a.allocation().memoryRequestBytes() / GIB * a.seconds();
        }
        double usedCpu = 0;
        double usedMemory = 0;
        double throttled = 0;
        for (Order order : r.orders()) {
            for (Task task : order.getTasksList()) {
                List<UsageSample> samples = r.samples().getOrDefault(task.getId(), List.of());
                double cpu = sum(samples, Resource.CPU_MILLICORES) / 1000.0;
                double memory = sum(samples, Resource.MEMORY_BYTES) / GIB;
                boolean sampled = samples.stream().anyMatch(s -> s.getResource() == Resource.CPU_MILLICORES);
                usedCpu += sampled ? cpu : task.getCpuSeconds();
                usedMemory += sampled ? memory : task.getPeakMemoryBytes() / GIB * task.getDurationSeconds();
                throttled += sampled ? sum(samples, Resource.CPU_THROTTLED_SECONDS_PER_SECOND)
                        : task.getThrottledCpuSeconds();
            }
        }
        double[] waits = queueWaits(attempts, r.submittedAt()).stream().mapToDouble(Double::doubleValue).sorted()
                .toArray();
        int failed = (int) r.orders().stream().filter(o -> o.getState() != OrderState.ORDER_SUCCEEDED).count();
        int oomKills = (int) attempts.stream().filter(Attempt::outOfMemory).count();
        return new ArmResult(r.arm(), r.orders().size(), makespan,
                makespan > 0 ? r.orders().size() * 3600 / makespan : 0, reservedCpu, usedCpu, reservedMemory,
                usedMemory, ratio(usedMemory, reservedMemory), ratio(usedCpu, reservedCpu), oomKills, throttled,
                failed, attempts.size(), Percentiles.of(waits, 0.5), Percentiles.of(waits, 0.95));
    }

    /**
     * Each attempt's wait for room: from when it could have started (its order's submission for a first task, the
     * previous task's end for a later one, its failed attempt's end for a retry) to its start.
     */
    static List<Double> queueWaits(List<Attempt> attempts, Map<String, Instant> submittedAt) {
        Map<String, Instant> lastEnd = new HashMap<>();
        List<Double> waits = new ArrayList<>();
        for (Attempt a : attempts.stream().sorted(Comparator.comparing(Attempt::start)).toList()) {
            String task = a.orderId() + "/" + a.position();
            String previousTask = a.orderId() + "/" + (a.position() - 1);
            Optional<Instant> ready = Optional.ofNullable(lastEnd.get(task))
                    .or(() -> Optional.ofNullable(a.position() == 0 ? submittedAt.get(a.orderId())
                            : lastEnd.get(previousTask)));
            ready.ifPresent(t -> waits.add(Math.max(0, Duration.between(t, a.start()).toMillis() / 1000.0)));
            lastEnd.put(task, a.end());
        }
        return waits;
    }

    private static double sum(List<UsageSample> samples, Resource resource) {
        return samples.stream().filter(s -> s.getResource() == resource).mapToDouble(UsageSample::getValue).sum()
                * SAMPLE_SECONDS;
    }

    private static double ratio(double used, double reserved) {
        return reserved > 0 ? used / reserved : 0;
    }
}
