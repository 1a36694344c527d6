package io.rightsize.orchestrator.messaging;

import io.opentelemetry.context.Context;
import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.TaskEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes task lifecycle events on the {@code orchestrator} topic, keyed by task so their order is kept. Publishing
 * never waits for the broker: a task's run is timed from its process, not from a publish stuck in an outage, and the
 * producer holds events through an outage as long as the monitor-producer holds samples. With tracing on, each record
 * carries its order's trace ({@code traceparent} header).
 */
@ApplicationScoped
public class TaskEventPublisher {

    private static final Logger LOG = Logger.getLogger(TaskEventPublisher.class);

    private final MutinyEmitter<String> emitter;

    public TaskEventPublisher(@Channel("orchestrator") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = 100_000) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Hands the event to the Kafka producer and returns; a delivery that finally fails is logged. */
    public void publish(TaskEvent event) {
        // The trace goes with the message: one held in the emitter's buffer through an outage is sent from another
        // thread, and would otherwise start a trace of its own.
        Message<String> message = Message.of(Json.write(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build())
                .addMetadata(TracingMetadata.withCurrent(Context.current()));
        emitter.sendMessage(message).subscribe().with(
                ok -> LOG.debugf("%s of task %d delivered", event.type(), event.taskId()),
                e -> LOG.errorf("could not publish %s of task %d (order %s): %s", event.type(), event.taskId(),
                        event.orderId(), e.getMessage()));
    }
}
