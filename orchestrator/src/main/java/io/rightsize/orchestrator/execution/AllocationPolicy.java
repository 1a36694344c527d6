package io.rightsize.orchestrator.execution;

import io.rightsize.common.messaging.Allocation;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Decides each task's allocation before launch; the configured default until the predictor recommends. */
@ApplicationScoped
public class AllocationPolicy {

    private final OrchestratorConfig config;

    public AllocationPolicy(OrchestratorConfig config) {
        this.config = config;
    }

    public Allocation forTask(String service) {
        OrchestratorConfig.DefaultAllocation d = config.defaultAllocation();
        return new Allocation(d.cpuRequestMillicores(), d.cpuLimitMillicores(), d.memoryRequestBytes(),
                d.memoryLimitBytes(), "default");
    }
}
