package io.rightsize.orchestrator.cgroup;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.rightsize.orchestrator.admission.TaskCapacity;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import io.rightsize.orchestrator.runner.RunnerKind;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Decides the enforcement at start (so the log says it before any order, and a required but missing cgroup setup
 * stops the start) and, at stop, removes what is left of the task cgroups and their parents.
 */
@Startup
@ApplicationScoped
public class Enforcements {

    private static final Logger LOG = Logger.getLogger(Enforcements.class);

    private final Enforcement current;

    public Enforcements(OrchestratorConfig config, TaskCapacity capacity) {
        this.current = config.runner() == RunnerKind.KUBERNETES ? Enforcement.kubelet()
                : Enforcement.decide(config.enforcement(), ownCgroups(), ProcessHandle.current().pid(),
                        Optional.of(capacity.capacity()));
        LOG.infof("enforcement: %s", current.detail());
    }

    public Enforcement current() {
        return current;
    }

    /** After the order executor's own stop observers, which cancel the tasks and wait for their ends. */
    void onStop(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ShutdownEvent event) {
        current.cgroups().ifPresent(TaskCgroups::close);
    }

    private static OwnCgroups ownCgroups() {
        try {
            return OwnCgroups.ofThisProcess();
        } catch (IOException e) {
            LOG.debugf("cannot read /proc/self/cgroup or mountinfo: %s", e.getMessage());
            return OwnCgroups.NONE;
        }
    }
}
