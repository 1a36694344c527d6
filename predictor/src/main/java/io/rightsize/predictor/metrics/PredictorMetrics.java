package io.rightsize.predictor.metrics;

import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.rightsize.predictor.recommend.ModelHolder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Times Predict and Recommend and counts training runs, each tagged with the gRPC status they ended with (a refused
 * request is fast and must not hide a slow answer); gauges whether a model is loaded. Created at start-up so the
 * gauge is listed before the first call.
 */
@Startup
@ApplicationScoped
public class PredictorMetrics {

    private final MeterRegistry registry;

    public PredictorMetrics(MeterRegistry registry, ModelHolder models) {
        this.registry = registry;
        Gauge.builder("rightsize.model.loaded", models, m -> m.current().isPresent() ? 1 : 0)
                .description("1 when a trained model answers, 0 while heuristics do").strongReference(true)
                .register(registry);
    }

    /** Predict's answer, timed until it completes. */
    public <T> Uni<T> predict(Supplier<Uni<T>> call) {
        return timed("rightsize.predict", call);
    }

    /** Recommend's answer, timed until it completes. */
    public <T> Uni<T> recommend(Supplier<Uni<T>> call) {
        return timed("rightsize.recommend", call);
    }

    /** A training run's progress stream, counted when it ends. */
    public <T> Multi<T> training(Multi<T> run) {
        return run.onTermination().invoke((failure, cancelled) -> Counter.builder("rightsize.trainings")
                .tag("status", status(failure, cancelled)).description("Training runs, by how they ended")
                .register(registry).increment());
    }

    private <T> Uni<T> timed(String name, Supplier<Uni<T>> call) {
        Timer.Sample sample = Timer.start(registry);
        return call.get().onTermination().invoke((item, failure, cancelled) -> sample.stop(Timer.builder(name)
                .tag("status", status(failure, cancelled)).publishPercentileHistogram().register(registry)));
    }

    private static String status(Throwable failure, boolean cancelled) {
        if (cancelled) {
            return Status.Code.CANCELLED.name();
        }
        return failure == null ? Status.Code.OK.name() : Status.fromThrowable(failure).getCode().name();
    }
}
