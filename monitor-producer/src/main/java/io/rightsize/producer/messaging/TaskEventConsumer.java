package io.rightsize.producer.messaging;

import io.rightsize.common.json.Json;
import io.rightsize.common.json.MalformedMessageException;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.TaskEventType;
import io.rightsize.producer.sampling.SamplingScheduler;
import io.quarkus.runtime.StartupEvent;
import io.rightsize.common.messaging.Allocation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Starts and stops sampling as the orchestrator's task events arrive; the probe tells which tasks are this host's. */
@ApplicationScoped
public class TaskEventConsumer {

    private static final Logger LOG = Logger.getLogger(TaskEventConsumer.class);

    private final SamplingScheduler scheduler;

    public TaskEventConsumer(SamplingScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The first JSON read of an event costs a cold JVM about a second; pay it before the service is ready. */
    void warmUp(@Observes StartupEvent startup) {
        TaskEvent sample = TaskEvent.started("warm-up", 0, 0, "warm-up", 1, "warm-up",
                new Allocation(1, 1, 1, 1, "warm-up"), Instant.now());
        Json.read(Json.write(sample), TaskEvent.class);
    }

    @Incoming("orchestrator")
    public void onEvent(String payload) {
        TaskEvent event;
        try {
            event = Json.read(payload, TaskEvent.class);
        } catch (MalformedMessageException e) {
            // Refused: the connector's dead-letter strategy moves it to orchestrator-dlq with this reason.
            LOG.warnf("malformed task event sent to the dead-letter topic: %s", e.getMessage());
            throw e;
        }
        if (event.type() == null) {
            LOG.warnf("task event without a type sent to the dead-letter topic: %s", payload);
            throw new MalformedMessageException("task event has no type", null);
        }
        LOG.debugf("%s of task %d received %d ms after it happened", event.type(), event.taskId(),
                System.currentTimeMillis() - event.timestamp().toEpochMilli());
        if (event.type() == TaskEventType.STARTED) {
            try {
                scheduler.start(event);
            } catch (IllegalArgumentException e) {
                LOG.warnf("task event refused and sent to the dead-letter topic: %s", e.getMessage());
                throw e;
            }
        } else {
            scheduler.ended(event);
        }
    }

}
