package io.rightsize.client.mapping;

import io.rightsize.common.messaging.Allocation;

/** Our {@link Allocation} record to and from the rightsize.v1 Allocation message, field by field. */
public final class AllocationMapper {

    private AllocationMapper() {
    }

    public static io.rightsize.api.v1.Allocation toProto(Allocation allocation) {
        return io.rightsize.api.v1.Allocation.newBuilder()
                .setCpuRequestMillicores(allocation.cpuRequestMillicores())
                .setCpuLimitMillicores(allocation.cpuLimitMillicores())
                .setMemoryRequestBytes(allocation.memoryRequestBytes())
                .setMemoryLimitBytes(allocation.memoryLimitBytes())
                .setSource(allocation.source())
                .build();
    }

    public static Allocation fromProto(io.rightsize.api.v1.Allocation allocation) {
        return new Allocation(allocation.getCpuRequestMillicores(), allocation.getCpuLimitMillicores(),
                allocation.getMemoryRequestBytes(), allocation.getMemoryLimitBytes(), allocation.getSource());
    }

    /** A message may leave its source blank (proto3's default); {@code blankSource} names it then. */
    public static Allocation fromProto(io.rightsize.api.v1.Allocation allocation, String blankSource) {
        return new Allocation(allocation.getCpuRequestMillicores(), allocation.getCpuLimitMillicores(),
                allocation.getMemoryRequestBytes(), allocation.getMemoryLimitBytes(),
                allocation.getSource().isBlank() ? blankSource : allocation.getSource());
    }
}
