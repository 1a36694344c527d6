package io.rightsize.consumer.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Malformed records go to {@code resources-dlq} with the reason in a {@code dead-letter-reason} header, as the
 * connector's own dead-letter strategy does for single messages: the batch they came in is stored without them.
 */
@ApplicationScoped
public class DeadLetters {

    static final String REASON_HEADER = "dead-letter-reason";

    private final MutinyEmitter<byte[]> emitter;

    public DeadLetters(@Channel("resources-dlq") MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker has the record: only then may the batch's offsets be committed. */
    public Uni<Void> send(byte[] payload, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        return emitter.sendMessage(Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withHeaders(headers).build()));
    }
}
