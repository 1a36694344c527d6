package io.rightsize.client.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Instants survive the trip through google.protobuf.Timestamp to the nanosecond. */
class TimestampMapperTest {

    @Test
    void keepsSecondsAndNanos() {
        Instant instant = Instant.ofEpochSecond(1_765_000_000L, 123_456_789);
        Timestamp timestamp = TimestampMapper.toProto(instant);
        assertEquals(1_765_000_000L, timestamp.getSeconds());
        assertEquals(123_456_789, timestamp.getNanos());
        assertEquals(instant, TimestampMapper.fromProto(timestamp));
    }

    @Test
    void roundTripsInstantsBeforeAndAfterTheEpoch() {
        Random random = new Random(42);
        for (int i = 0; i < 1_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong() % 10_000_000_000L, random.nextInt(1_000_000_000));
            assertEquals(instant, TimestampMapper.fromProto(TimestampMapper.toProto(instant)));
        }
    }

    @Test
    void anUnsetTimestampIsTheEpoch() {
        assertEquals(Instant.EPOCH, TimestampMapper.fromProto(Timestamp.getDefaultInstance()));
    }
}
