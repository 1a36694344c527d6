package io.rightsize.producer.messaging;

import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.UsageSample;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/** Publishes samples on the {@code resources} topic, keyed by order/task. */
@ApplicationScoped
public class SamplePublisher {

    private static final Logger LOG = Logger.getLogger(SamplePublisher.class);

    private final MutinyEmitter<String> emitter;
    private final AtomicLong failed = new AtomicLong();

    public SamplePublisher(@Channel("resources") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 100_000)
                           MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(UsageSample sample) {
        Message<String> message = Message.of(Json.write(sample))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(sample.key()).build());
        emitter.sendMessage(message).subscribe().with(ok -> { }, failure -> {
            long count = failed.incrementAndGet();
            LOG.errorf("sample of task %d not published (%d so far): %s", sample.taskId(), count,
                    failure.getMessage());
        });
    }
}
