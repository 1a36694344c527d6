package io.rightsize.client.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rightsize.common.messaging.Allocation;
import org.junit.jupiter.api.Test;

/** Allocations cross the wire field by field; a blank source is named by the caller. */
class AllocationMapperTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void mapsEveryField() {
        Allocation allocation = new Allocation(250, 1500, 96 * MIB, 384 * MIB, "rightsize-ml");
        io.rightsize.api.v1.Allocation message = AllocationMapper.toProto(allocation);
        assertEquals(250, message.getCpuRequestMillicores());
        assertEquals(1500, message.getCpuLimitMillicores());
        assertEquals(96 * MIB, message.getMemoryRequestBytes());
        assertEquals(384 * MIB, message.getMemoryLimitBytes());
        assertEquals("rightsize-ml", message.getSource());
        assertEquals(allocation, AllocationMapper.fromProto(message));
    }

    @Test
    void namesABlankSourceOnly() {
        io.rightsize.api.v1.Allocation unnamed = AllocationMapper.toProto(new Allocation(10, 20, MIB, 2 * MIB, " "));
        assertEquals(new Allocation(10, 20, MIB, 2 * MIB, "vpa"), AllocationMapper.fromProto(unnamed, "vpa"));
        io.rightsize.api.v1.Allocation named = unnamed.toBuilder().setSource("krr").build();
        assertEquals("krr", AllocationMapper.fromProto(named, "vpa").source());
    }
}
