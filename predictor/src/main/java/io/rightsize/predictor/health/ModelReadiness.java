package io.rightsize.predictor.health;

import io.rightsize.predictor.recommend.ModelHolder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says whether a trained model is loaded, and which. UP either way: without a model Recommend still answers from
 * heuristics and only Predict is refused, so taking the predictor out of rotation would turn a degraded answer into
 * none (the orchestrator would fall back to its own recommender). The database check next to this one decides
 * readiness.
 */
@Readiness
@ApplicationScoped
public class ModelReadiness implements HealthCheck {

    private final ModelHolder models;

    public ModelReadiness(ModelHolder models) {
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("model").up();
        return models.current().map(m -> response.withData("loaded", true)
                        .withData("version", "v" + m.metadata().version())
                        .withData("algorithm", m.metadata().algorithm()))
                .orElseGet(() -> response.withData("loaded", false)).build();
    }
}
