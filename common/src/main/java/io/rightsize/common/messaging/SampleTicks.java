package io.rightsize.common.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.rightsize.api.v1.Measurement;
import io.rightsize.api.v1.SampleTick;
import io.rightsize.common.json.Json;
import io.rightsize.common.json.MalformedMessageException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The record format of the {@code resources} topic: one binary {@link SampleTick} per task and sampling instant, and,
 * read for as long as older producers may still publish, one JSON {@link UsageSample} per record.
 */
public final class SampleTicks {

    /** The first byte of every encoded tick: field 1 (order_id), length-delimited; JSON never starts with it. */
    private static final byte ORDER_ID_TAG = 0x0A;

    private SampleTicks() {
    }

    /** One record, decoded: its samples (none in a task's last record) and whether the task's samples end with it. */
    public record Tick(String orderId, long taskId, String service, List<UsageSample> samples, boolean last) {

        /** The Kafka key, the same for every record of the task. */
        public String key() {
            return Topics.taskKey(orderId, taskId);
        }
    }

    /** Encodes one tick: samples of one task, all taken at the same instant. */
    public static byte[] encode(List<UsageSample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a tick has at least one sample");
        }
        UsageSample first = samples.get(0);
        SampleTick.Builder tick = header(first.orderId(), first.taskId(), first.service(), first.timestamp());
        for (UsageSample s : samples) {
            if (s.taskId() != first.taskId() || !s.timestamp().equals(first.timestamp())) {
                throw new IllegalArgumentException("a tick holds one task's samples of one instant, got task "
                        + s.taskId() + " at " + s.timestamp() + " beside task " + first.taskId() + " at "
                        + first.timestamp());
            }
            tick.addMeasurements(Measurement.newBuilder().setResourceValue(s.resource().id()).setValue(s.value()));
        }
        return tick.build().toByteArray();
    }

    /** Encodes the task's last record, published once its sampling has stopped for good. */
    public static byte[] encodeLast(String orderId, long taskId, String service, Instant at) {
        return header(orderId, taskId, service, at).setLast(true).build().toByteArray();
    }

    /**
     * Decodes a record: a {@link SampleTick} when it starts as one does (field 1, the order id, tag 0x0A) and parses as
     * one, else a JSON sample. Unreadable records throw {@link MalformedMessageException}, saying why.
     */
    public static Tick decode(byte[] payload) {
        SampleTick tick;
        if (payload.length == 0 || payload[0] != ORDER_ID_TAG) {
            return json(payload);
        }
        try {
            tick = SampleTick.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            try {
                return json(payload);
            } catch (MalformedMessageException notJson) {
                throw new MalformedMessageException("neither a SampleTick (protobuf: " + e.getMessage()
                        + ") nor a JSON UsageSample (" + notJson.getMessage() + ")", e);
            }
        }
        if (!tick.hasTimestamp()) {
            throw new MalformedMessageException("SampleTick: timestamp is missing", null);
        }
        Instant at = Instant.ofEpochSecond(tick.getTimestamp().getSeconds(), tick.getTimestamp().getNanos());
        List<UsageSample> samples = new ArrayList<>(tick.getMeasurementsCount());
        for (Measurement m : tick.getMeasurementsList()) {
            Resource resource;
            try {
                resource = Resource.fromId(m.getResourceValue());
            } catch (IllegalArgumentException e) {
                throw new MalformedMessageException("SampleTick: " + e.getMessage(), e);
            }
            try {
                samples.add(new UsageSample(tick.getOrderId(), tick.getTaskId(), tick.getService(), resource,
                        m.getValue(), at));
            } catch (IllegalArgumentException e) {
                throw new MalformedMessageException("SampleTick: " + resource.wireName() + " " + e.getMessage(), e);
            }
        }
        if (samples.isEmpty() && !tick.getLast()) {
            throw new MalformedMessageException("SampleTick: no measurements and not the task's last record", null);
        }
        return new Tick(tick.getOrderId(), tick.getTaskId(), tick.getService(), samples, tick.getLast());
    }

    private static SampleTick.Builder header(String orderId, long taskId, String service, Instant at) {
        return SampleTick.newBuilder().setOrderId(orderId).setTaskId(taskId).setService(service)
                .setTimestamp(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()));
    }

    private static Tick json(byte[] payload) {
        UsageSample sample = Json.read(new String(payload, StandardCharsets.UTF_8), UsageSample.class);
        return new Tick(sample.orderId(), sample.taskId(), sample.service(), List.of(sample), false);
    }
}
