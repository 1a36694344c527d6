package io.rightsize.fx.model;

import io.rightsize.common.messaging.Resource;
import java.util.Optional;

/**
 * A plotted resource with the unit the charts use; {@link #scale} turns the sampled value into that unit. Samples
 * are matched by the resource's numeric id (the same in {@code rightsize.v1.Resource}), so a client built against an
 * older {@code rightsize.v1}, which sees a newer resource as UNRECOGNIZED with its number, still plots it.
 */
public enum Metric {
    CPU(Resource.CPU_MILLICORES, "CPU", "millicores", 1.0),
    MEMORY(Resource.MEMORY_BYTES, "memory", "MiB", 1.0 / (1024 * 1024)),
    DISK_READ(Resource.DISK_READ_BYTES_PER_SECOND, "disk read", "KiB/s", 1.0 / 1024),
    DISK_WRITE(Resource.DISK_WRITE_BYTES_PER_SECOND, "disk write", "KiB/s", 1.0 / 1024),
    /** Seconds per second held back by the CPU limit, as millicores so it sits on the CPU chart beside the limit. */
    CPU_THROTTLED(Resource.CPU_THROTTLED_SECONDS_PER_SECOND, "CPU throttled", "millicores", 1000.0);

    private final Resource resource;
    private final String label;
    private final String unit;
    private final double scale;

    Metric(Resource resource, String label, String unit, double scale) {
        this.resource = resource;
        this.label = label;
        this.unit = unit;
        this.scale = scale;
    }

    /** The metric of a sample's {@code resource} number (its id in the resources table), if plotted. */
    public static Optional<Metric> of(int resourceId) {
        for (Metric metric : values()) {
            if (metric.resource.id() == resourceId) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public double inUnit(double sampled) {
        return sampled * scale;
    }
}
