package io.rightsize.common.messaging;

import io.rightsize.common.json.Json;
import io.rightsize.common.json.MalformedMessageException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads samples and gaps for storage and refuses, as malformed, those PostgreSQL would refuse or garble: a message
 * that merely parses could otherwise fail its batch on every retry. Producers are not bound by these limits; only
 * what is about to be stored is.
 */
public final class StorableMessages {

    /** Longest order id or service name; ids are UUID-sized and service names short, so more is a broken producer. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Longest gap reason: a sentence, not a log dump. */
    public static final int MAX_REASON_LENGTH = 1000;
    /**
     * Earliest storable instant. {@link Instant} reaches year one billion, while PostgreSQL's timestamptz stops at
     * 4713 BC and 294276 AD and silently stores some values beyond as {@code infinity}; no task ran before 2000, so an
     * earlier stamp is a broken clock.
     */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** How far past this host's clock a stamp may lie: generous for clock skew, far short of PostgreSQL's limit. */
    public static final Duration MAX_AHEAD = Duration.ofDays(366);

    private StorableMessages() {
    }

    /** Decodes a record of the {@code resources} topic (either format); a malformed or unstorable one throws. */
    public static SampleTicks.Tick readTick(byte[] payload) {
        SampleTicks.Tick tick = SampleTicks.decode(payload);
        List<UsageSample> samples = tick.samples();
        if (samples.isEmpty()) {
            // A task's last record: only its header to check.
            String type = "SampleTick";
            name(type, "orderId", tick.orderId());
            name(type, "service", tick.service());
            taskId(type, tick.taskId());
            return tick;
        }
        // A tick's samples share the tick's names, task and instant: checked once; each value on its own.
        check(samples.get(0), Instant.now());
        for (int i = 1; i < samples.size(); i++) {
            value(UsageSample.class.getSimpleName(), samples.get(i).value());
        }
        return tick;
    }

    /** Parses a gap from the {@code sampling-gaps} topic; a malformed or unstorable one throws, saying why. */
    public static SamplingGap readGap(String payload) {
        return check(Json.read(payload, SamplingGap.class), Instant.now());
    }

    /** The sample itself if it can be stored at {@code now}, else {@link MalformedMessageException} saying why. */
    public static UsageSample check(UsageSample sample, Instant now) {
        String type = UsageSample.class.getSimpleName();
        name(type, "orderId", sample.orderId());
        name(type, "service", sample.service());
        taskId(type, sample.taskId());
        value(type, sample.value());
        instant(type, "timestamp", sample.timestamp(), now);
        return sample;
    }

    /** The gap itself if it can be stored at {@code now}, else {@link MalformedMessageException} saying why. */
    public static SamplingGap check(SamplingGap gap, Instant now) {
        String type = SamplingGap.class.getSimpleName();
        name(type, "orderId", gap.orderId());
        name(type, "service", gap.service());
        taskId(type, gap.taskId());
        text(type, "reason", gap.reason(), MAX_REASON_LENGTH);
        instant(type, "from", gap.from(), now);
        instant(type, "to", gap.to(), now);
        return gap;
    }

    private static void name(String type, String field, String value) {
        if (value.isBlank()) {
            throw refused(type, field + " must not be blank");
        }
        text(type, field, value, MAX_NAME_LENGTH);
    }

    /** PostgreSQL text cannot hold a NUL character: the insert fails with SQLSTATE 22021 however often it is retried. */
    private static void text(String type, String field, String value, int maxLength) {
        if (value.indexOf('\u0000') >= 0) {
            throw refused(type, field + " contains a NUL character (\\u0000)");
        }
        if (value.length() > maxLength) {
            throw refused(type, field + " is " + value.length() + " characters long, at most " + maxLength
                    + " allowed");
        }
    }

    private static void value(String type, double value) {
        if (!(value >= 0)) {
            throw refused(type, "value must not be negative, got " + value);
        }
    }

    private static void taskId(String type, long taskId) {
        if (taskId <= 0) {
            throw refused(type, "taskId must be positive, got " + taskId);
        }
    }

    private static void instant(String type, String field, Instant value, Instant now) {
        Instant latest = now.plus(MAX_AHEAD);
        if (value.isBefore(EARLIEST) || value.isAfter(latest)) {
            throw refused(type, field + " " + value + " is outside " + EARLIEST + " .. " + latest);
        }
    }

    private static MalformedMessageException refused(String type, String why) {
        return new MalformedMessageException(type + ": " + why, null);
    }
}
