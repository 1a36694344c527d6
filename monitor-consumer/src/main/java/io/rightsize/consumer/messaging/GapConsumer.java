package io.rightsize.consumer.messaging;

import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.SamplingGap;
import io.rightsize.consumer.store.GapStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores the windows in which a task was not followed by a sampler; acknowledged once stored. A malformed gap fails
 * here and the connector moves it to its dead-letter topic.
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
        SamplingGap gap = Json.read(payload, SamplingGap.class);
        return store.insert(gap)
                .onFailure().invoke(e -> LOG.warnf("storing the sampling gap of task %d failed, retrying: %s",
                        gap.taskId(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .invoke(() -> LOG.infof("task %d: samples from %s to %s may be incomplete (%s)", gap.taskId(),
                        gap.from(), gap.to(), gap.reason()));
    }
}
