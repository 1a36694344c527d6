package io.rightsize.consumer.messaging;

import io.rightsize.common.messaging.SamplingGap;
import io.rightsize.common.messaging.StorableMessages;
import io.rightsize.consumer.store.DatabaseFailure;
import io.rightsize.consumer.store.GapStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores the windows in which a task was not followed by a sampler; acknowledged once stored. A gap that is
 * malformed, or that PostgreSQL refuses (a task id with no task, say), fails here and the connector moves it to its
 * dead-letter topic with the reason; while the database is unreachable the gap waits with back-off.
 */
@ApplicationScoped
public class GapConsumer {

    private static final Logger LOG = Logger.getLogger(GapConsumer.class);

    private final GapStore store;

    public GapConsumer(GapStore store) {
        this.store = store;
    }

    @Incoming("sampling-gaps")
    public Uni<Void> consume(String payload) {
        SamplingGap gap = StorableMessages.readGap(payload);
        return DatabaseFailure.retryWhileTransient(store.insert(gap),
                        () -> "storing the sampling gap of task " + gap.taskId())
                .onFailure().transform(refusal -> new RefusedMessageException(DatabaseFailure.reason(refusal), refusal))
                .onFailure().invoke(refusal -> LOG.warnf("sampling gap of task %d sent to resources-dlq: %s",
                        gap.taskId(), refusal.getMessage()))
                .invoke(() -> LOG.infof("task %d: samples from %s to %s may be incomplete (%s)", gap.taskId(),
                        gap.from(), gap.to(), gap.reason()));
    }
}
