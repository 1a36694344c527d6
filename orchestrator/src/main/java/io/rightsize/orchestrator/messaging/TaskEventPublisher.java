package io.rightsize.orchestrator.messaging;

import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.TaskEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** Publishes task lifecycle events on the {@code orchestrator} topic, keyed by task so their order is kept. */
@ApplicationScoped
public class TaskEventPublisher {

    private static final Logger LOG = Logger.getLogger(TaskEventPublisher.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<String> emitter;

    public TaskEventPublisher(@Channel("orchestrator") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Waits for the broker's acknowledgement; a failure is logged, the task goes on regardless. */
    public void publish(TaskEvent event) {
        Message<String> message = Message.of(Json.write(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build());
        try {
            emitter.sendMessage(message).await().atMost(ACK_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.errorf("could not publish %s of task %d (order %s): %s", event.type(), event.taskId(),
                    event.orderId(), e.getMessage());
        }
    }
}
