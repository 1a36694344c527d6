package io.rightsize.common.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rightsize.common.json.Json;
import io.rightsize.common.json.MalformedMessageException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Samples and gaps PostgreSQL would refuse or garble are refused at parse, each with a reason a reader can act on. */
class StorableMessagesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant AT = Instant.parse("2026-05-31T12:00:00Z");

    @Test
    void acceptsAnOrdinarySampleAndGap() {
        UsageSample sample = sample("order-1", 7, "blur", 12.5, AT);
        SamplingGap gap = new SamplingGap("order-1", 7, "blur", AT, AT.plusSeconds(5), "producer restarted");
        assertSame(sample, StorableMessages.check(sample, NOW));
        assertSame(gap, StorableMessages.check(gap, NOW));
    }

    @Test
    void refusesANulCharacterInAnyText() {
        assertRefused("UsageSample: orderId contains a NUL character (\\u0000)",
                sample("order\u0000", 7, "blur", 1, AT));
        assertRefused("UsageSample: service contains a NUL character (\\u0000)",
                sample("order-1", 7, "bl\u0000ur", 1, AT));
        assertRefused("SamplingGap: reason contains a NUL character (\\u0000)",
                new SamplingGap("order-1", 7, "blur", AT, AT, "re\u0000start"));
    }

    @Test
    void refusesBlankOrOverlongNames() {
        assertRefused("UsageSample: orderId must not be blank", sample(" ", 7, "blur", 1, AT));
        assertRefused("UsageSample: service is 201 characters long, at most 200 allowed",
                sample("order-1", 7, "s".repeat(201), 1, AT));
        assertEquals(200, StorableMessages.check(sample("o".repeat(200), 7, "blur", 1, AT), NOW).orderId().length());
        assertRefused("SamplingGap: reason is 1001 characters long, at most 1000 allowed",
                new SamplingGap("order-1", 7, "blur", AT, AT, "r".repeat(1001)));
    }

    @Test
    void refusesATaskIdThatNoTaskCanHave() {
        assertRefused("UsageSample: taskId must be positive, got 0", sample("order-1", 0, "blur", 1, AT));
        assertRefused("SamplingGap: taskId must be positive, got -3",
                new SamplingGap("order-1", -3, "blur", AT, AT, "restart"));
    }

    @Test
    void refusesANegativeValue() {
        assertRefused("UsageSample: value must not be negative, got -1.0", sample("order-1", 7, "blur", -1, AT));
        assertEquals(0, StorableMessages.check(sample("order-1", 7, "blur", 0, AT), NOW).value());
    }

    @Test
    void refusesTimestampsOutsideTheWindowPostgresqlCanHoldFaithfully() {
        assertRefused("UsageSample: timestamp +300000-01-01T00:00:00Z is outside 2000-01-01T00:00:00Z .. "
                + "2027-06-02T00:00:00Z", sample("order-1", 7, "blur", 1, Instant.parse("+300000-01-01T00:00:00Z")));
        assertRefused("UsageSample: timestamp -5000-01-01T00:00:00Z is outside 2000-01-01T00:00:00Z .. "
                + "2027-06-02T00:00:00Z", sample("order-1", 7, "blur", 1, Instant.parse("-5000-01-01T00:00:00Z")));
        assertRefused("SamplingGap: to 2027-06-02T00:00:01Z is outside 2000-01-01T00:00:00Z .. 2027-06-02T00:00:00Z",
                new SamplingGap("order-1", 7, "blur", AT, Instant.parse("2027-06-02T00:00:01Z"), "restart"));
        Instant edge = NOW.plus(StorableMessages.MAX_AHEAD);
        assertSame(edge, StorableMessages.check(sample("order-1", 7, "blur", 1, edge), NOW).timestamp());
        assertSame(StorableMessages.EARLIEST,
                StorableMessages.check(sample("order-1", 7, "blur", 1, StorableMessages.EARLIEST), NOW).timestamp());
    }

    @Test
    void readingRefusesAnUnstorableSampleThatParses() {
        String payload = Json.write(sample("order-1", 7, "blur", 1, AT)).replace("order-1", "order\\u0000");
        assertEquals("UsageSample: orderId contains a NUL character (\\u0000)",
                assertThrows(MalformedMessageException.class, () -> StorableMessages.readTick(utf8(payload)))
                        .getMessage());
        assertEquals(List.of(sample("order-1", 7, "blur", 1, AT)),
                StorableMessages.readTick(utf8(Json.write(sample("order-1", 7, "blur", 1, AT)))).samples());
    }

    @Test
    void readingRefusesAnUnstorableTick() {
        byte[] nul = SampleTicks.encode(List.of(sample("order\u0000", 7, "blur", 1, AT)));
        assertEquals("UsageSample: orderId contains a NUL character (\\u0000)",
                assertThrows(MalformedMessageException.class, () -> StorableMessages.readTick(nul)).getMessage());
        byte[] negative = SampleTicks.encode(List.of(sample("order-1", 7, "blur", 1, AT),
                new UsageSample("order-1", 7, "blur", Resource.MEMORY_BYTES, -5, AT)));
        assertEquals("UsageSample: value must not be negative, got -5.0",
                assertThrows(MalformedMessageException.class, () -> StorableMessages.readTick(negative)).getMessage());
        byte[] last = SampleTicks.encodeLast("order-1", 0, "blur", AT);
        assertEquals("SampleTick: taskId must be positive, got 0",
                assertThrows(MalformedMessageException.class, () -> StorableMessages.readTick(last)).getMessage());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static UsageSample sample(String orderId, long taskId, String service, double value, Instant at) {
        return new UsageSample(orderId, taskId, service, Resource.CPU_MILLICORES, value, at);
    }

    private static void assertRefused(String reason, UsageSample sample) {
        assertEquals(reason, assertThrows(MalformedMessageException.class,
                () -> StorableMessages.check(sample, NOW)).getMessage());
    }

    private static void assertRefused(String reason, SamplingGap gap) {
        assertEquals(reason, assertThrows(MalformedMessageException.class,
                () -> StorableMessages.check(gap, NOW)).getMessage());
    }
}
