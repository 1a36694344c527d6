package io.rightsize.orchestrator;

import io.grpc.BindableService;
import io.grpc.stub.StreamObserver;
import io.rightsize.api.v1.PredictorServiceGrpc;
import io.rightsize.api.v1.RecommendRequest;
import io.rightsize.api.v1.RecommendResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real gRPC PredictorService on a free 127.0.0.1 port that takes every Recommend and never answers, as a predictor
 * stuck in a long GC or a deadlock would; the orchestrator's deadline is short and its circuit's pause 15 s, so the
 * test does not wait 2 s per call and 30 s for the retry.
 */
public class HangingPredictorResource extends PredictorStubResource {

    static final long DEADLINE_MILLIS = 300;
    /** Long enough that the order's remaining tasks (a JVM each) surely start while the circuit is open. */
    static final long OPEN_MILLIS = 15_000;
    /** Every request, in arrival order. */
    static final List<RecommendRequest> REQUESTS = new CopyOnWriteArrayList<>();

    @Override
    BindableService predictor() {
        return new PredictorServiceGrpc.PredictorServiceImplBase() {
            @Override
            public void recommend(RecommendRequest request, StreamObserver<RecommendResponse> response) {
                REQUESTS.add(request);
            }
        };
    }

    @Override
    Map<String, String> config() {
        return Map.of("rightsize.orchestrator.predictor.deadline", DEADLINE_MILLIS + "ms",
                "io.rightsize.orchestrator.predictor.GrpcPredictorClient/recommend/CircuitBreaker/delay",
                Long.toString(OPEN_MILLIS));
    }
}
