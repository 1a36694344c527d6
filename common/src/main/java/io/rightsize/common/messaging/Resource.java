package io.rightsize.common.messaging;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** A measured resource; {@code id} is its key in the {@code resources} lookup table, the one place that maps it. */
public enum Resource {
    CPU_MILLICORES(1, "cpu_millicores"),
    MEMORY_BYTES(2, "memory_bytes"),
    DISK_READ_BYTES_PER_SECOND(3, "disk_read_bytes_per_second"),
    DISK_WRITE_BYTES_PER_SECOND(4, "disk_write_bytes_per_second"),
    /** Measured for task pods only (their own network namespace); a local process shares the host's. */
    NETWORK_RECEIVE_BYTES_PER_SECOND(5, "network_receive_bytes_per_second"),
    NETWORK_TRANSMIT_BYTES_PER_SECOND(6, "network_transmit_bytes_per_second");

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
    public static Resource fromWireName(String name) {
        return Arrays.stream(values())
                .filter(r -> r.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown resource '" + name + "'"));
    }

    public static Resource fromId(int id) {
        return Arrays.stream(values())
                .filter(r -> r.id == id)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown resource id " + id));
    }
}
