package io.rightsize.fx.model;

import io.rightsize.api.v1.Resource;
import java.util.Optional;

/** A plotted resource with the unit the charts use; {@link #scale} turns the sampled value into that unit. */
public enum Metric {
    CPU(Resource.CPU_MILLICORES, "CPU", "millicores", 1.0),
    MEMORY(Resource.MEMORY_BYTES, "memory", "MiB", 1.0 / (1024 * 1024)),
    DISK_READ(Resource.DISK_READ_BYTES_PER_SECOND, "disk read", "KiB/s", 1.0 / 1024),
    DISK_WRITE(Resource.DISK_WRITE_BYTES_PER_SECOND, "disk write", "KiB/s", 1.0 / 1024);

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

    public static Optional<Metric> of(Resource resource) {
        for (Metric metric : values()) {
            if (metric.resource == resource) {
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
