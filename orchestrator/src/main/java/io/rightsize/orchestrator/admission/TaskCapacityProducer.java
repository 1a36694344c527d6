package io.rightsize.orchestrator.admission;

import io.rightsize.allocation.policy.Capacity;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Finds the task capacity once at start, from the settings and this machine. */
@ApplicationScoped
public class TaskCapacityProducer {

    @Produces
    @Singleton
    TaskCapacity taskCapacity(OrchestratorConfig config) {
        return TaskCapacity.of(config.capacity(), Capacity.ofThisMachine());
    }
}
