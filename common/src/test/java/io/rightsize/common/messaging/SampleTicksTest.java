package io.rightsize.common.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.api.v1.Measurement;
import io.rightsize.api.v1.SampleTick;
import io.rightsize.common.json.Json;
import io.rightsize.common.json.MalformedMessageException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleTicksTest {

    private static final Instant AT = Instant.parse("2026-12-06T10:15:30.123456789Z");

    @Test
    void aTickCarriesEveryResourceOfOneInstant() {
        List<UsageSample> samples = List.of(sample(Resource.CPU_MILLICORES, 250), sample(Resource.MEMORY_BYTES, 1e9),
                sample(Resource.OOM_KILLS, 0));
        SampleTicks.Tick tick = SampleTicks.decode(SampleTicks.encode(samples));
        assertEquals(samples, tick.samples());
        assertEquals("order-1/7", tick.key());
        assertFalse(tick.last());
    }

    @Test
    void theLastRecordOfATaskHasNoSamples() {
        SampleTicks.Tick last = SampleTicks.decode(SampleTicks.encodeLast("order-1", 7, "blur", AT));
        assertTrue(last.last());
        assertEquals(List.of(), last.samples());
        assertEquals("blur", last.service());
    }

    @Test
    void theOlderJsonRecordsAreStillRead() {
        UsageSample sample = sample(Resource.DISK_READ_BYTES_PER_SECOND, 4096);
        byte[] json = (" \n" + Json.write(sample)).getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(sample), SampleTicks.decode(json).samples());
    }

    @Test
    void aTickIsOneTaskAtOneInstant() {
        UsageSample other = new UsageSample("order-1", 8, "blur", Resource.CPU_MILLICORES, 1, AT);
        assertThrows(IllegalArgumentException.class,
                () -> SampleTicks.encode(List.of(sample(Resource.CPU_MILLICORES, 1), other)));
        assertThrows(IllegalArgumentException.class, () -> SampleTicks.encode(List.of()));
    }

    @Test
    void unreadableRecordsSayWhy() throws Exception {
        assertEquals("UsageSample: the message is JSON null", malformed("null".getBytes(StandardCharsets.UTF_8)));
        assertTrue(malformed(new byte[] {0x0A, 0x7F, 1, 2}).startsWith("neither a SampleTick (protobuf: "));
        // A newline is the tick's first byte too: JSON after it is still read as JSON.
        UsageSample sample = sample(Resource.CPU_MILLICORES, 3);
        assertEquals(List.of(sample), SampleTicks.decode(("\n" + Json.write(sample))
                .getBytes(StandardCharsets.UTF_8)).samples());
        assertEquals("SampleTick: timestamp is missing",
                malformed(SampleTick.newBuilder().setOrderId("o").setTaskId(1).setService("s").build().toByteArray()));
        byte[] unknown = SampleTick.newBuilder(SampleTick.parseFrom(SampleTicks.encodeLast("o", 1, "s", AT)))
                .setLast(false).addMeasurements(Measurement.newBuilder().setResourceValue(99).setValue(1)).build()
                .toByteArray();
        assertEquals("SampleTick: unknown resource id 99", malformed(unknown));
        byte[] empty = SampleTick.newBuilder(SampleTick.parseFrom(SampleTicks.encodeLast("o", 1, "s", AT)))
                .setLast(false).build().toByteArray();
        assertEquals("SampleTick: no measurements and not the task's last record", malformed(empty));
        byte[] nan = SampleTicks.encode(List.of(sample(Resource.CPU_MILLICORES, 1))).clone();
        SampleTick withNan = SampleTick.newBuilder(SampleTick.parseFrom(nan)).setMeasurements(0,
                Measurement.newBuilder().setResourceValue(1).setValue(Double.NaN)).build();
        assertEquals("SampleTick: cpu_millicores value must be finite, got NaN", malformed(withNan.toByteArray()));
    }

    private static String malformed(byte[] payload) {
        return assertThrows(MalformedMessageException.class, () -> SampleTicks.decode(payload)).getMessage();
    }

    private static UsageSample sample(Resource resource, double value) {
        return new UsageSample("order-1", 7, "blur", resource, value, AT);
    }
}
