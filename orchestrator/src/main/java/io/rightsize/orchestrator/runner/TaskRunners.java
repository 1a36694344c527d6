package io.rightsize.orchestrator.runner;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.rightsize.orchestrator.cgroup.Enforcements;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * Picks the runner named by configuration. The Kubernetes client is looked up lazily so the local default never
 * builds one, let alone contacts a cluster; the local runner gets the task cgroups the enforcement decided on.
 */
@ApplicationScoped
public class TaskRunners {

    @Produces
    @ApplicationScoped
    TaskRunner runner(OrchestratorConfig config, Instance<KubernetesClient> kubernetes, Enforcements enforcements) {
        return switch (config.runner()) {
            case LOCAL -> new LocalProcessRunner(config.javaCommand(), config.tasksClasspath(),
                    enforcements.current().cgroups());
            case KUBERNETES -> new KubernetesJobRunner(kubernetes.get(), config.kubernetes());
        };
    }
}
