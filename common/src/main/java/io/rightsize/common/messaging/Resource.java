package io.rightsize.common.messaging;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** A measured resource; {@code id} is its key in the {@code resources} lookup table, the one place that maps it. */
public enum Resource {
    CPU_MILLICORES(1, "cpu_millicores"),
    MEMORY_BYTES(2, "memory_bytes"),
    DISK_READ_BYTES_PER_SECOND(3, "disk_read_bytes_per_second"),
    DISK_WRITE_BYTES_PER_SECOND(4, "disk_write_bytes_per_second"),
    /** Measured for task pods only (their own network namespace); a local process shares the host's. */
    NETWORK_RECEIVE_BYTES_PER_SECOND(5, "network_receive_bytes_per_second"),
    NETWORK_TRANSMIT_BYTES_PER_SECOND(6, "network_transmit_bytes_per_second"),
    /** Time the task was held back by its CPU limit (CFS throttling), per second: 0.5 is half of each second. */
    CPU_THROTTLED_SECONDS_PER_SECOND(7, "cpu_throttled_seconds_per_second"),
    /** How many times the kernel OOM-killed a process of the task so far (measured where the task has a cgroup). */
    OOM_KILLS(8, "oom_kills");

    private final int id;
    private final String wireName;

    Resource(int id, String wireName) {
        this.id = id;
        this.wireName = wireName;
    }

    public int id() {
        return id;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    /**
     * Whether this measures what a task demands (CPU, memory, disk, network), which the model learns, rather than
     * what its limits did to it (throttling, OOM kills).
     */
    public boolean isDemand() {
        return this != CPU_THROTTLED_SECONDS_PER_SECOND && this != OOM_KILLS;
    }

    /** The resources that measure demand, in declaration order. */
    public static List<Resource> demand() {
        return Arrays.stream(values()).filter(Resource::isDemand).toList();
    }

    public static Resource fromWireName(String name) {
        return Arrays.stream(values())
                .filter(r -> r.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown resource '" + name + "'"));
    }

    public static Resource fromId(int id) {
        Resource resource = id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
        if (resource == null) {
            throw new IllegalArgumentException("unknown resource id " + id);
        }
        return resource;
    }

    /** Indexed by id: the consumer looks up one per stored sample. */
    private static final Resource[] BY_ID = byId();

    private static Resource[] byId() {
        Resource[] byId = new Resource[Arrays.stream(values()).mapToInt(Resource::id).max().orElse(0) + 1];
        for (Resource r : values()) {
            byId[r.id] = r;
        }
        return byId;
    }
}
