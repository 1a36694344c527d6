package io.rightsize.client.mapping;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** Instants to and from google.protobuf.Timestamp, to the nanosecond both ways. */
public final class TimestampMapper {

    private TimestampMapper() {
    }

    public static Timestamp toProto(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    public static Instant fromProto(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
