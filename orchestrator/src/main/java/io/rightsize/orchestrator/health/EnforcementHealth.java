package io.rightsize.orchestrator.health;

import io.rightsize.orchestrator.admission.TaskCapacity;
import io.rightsize.orchestrator.cgroup.Enforcement;
import io.rightsize.orchestrator.cgroup.Enforcements;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says how task allocations are enforced, with the task capacity, ({@code cgroups}, {@code emulated} or {@code kubelet}) and why. UP in every
 * mode: emulation runs tasks as before cgroups, and an orchestrator that requires cgroups does not start without them.
 */
@Readiness
@ApplicationScoped
public class EnforcementHealth implements HealthCheck {

    static final String NAME = "rightsize-enforcement";

    private final Enforcements enforcements;
    private final TaskCapacity capacity;

    public EnforcementHealth(Enforcements enforcements, TaskCapacity capacity) {
        this.enforcements = enforcements;
        this.capacity = capacity;
    }

    @Override
    public HealthCheckResponse call() {
        Enforcement enforcement = enforcements.current();
        return HealthCheckResponse.named(NAME).up()
                .withData("mode", enforcement.kind().name().toLowerCase(Locale.ROOT))
                .withData("detail", enforcement.detail())
                .withData("capacity", enforcement.kind() == Enforcement.Kind.KUBELET ? "the cluster's scheduler"
                        : capacity.toString())
                .build();
    }
}
