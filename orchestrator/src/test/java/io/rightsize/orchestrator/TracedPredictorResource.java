package io.rightsize.orchestrator;

import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.rightsize.api.v1.PredictorServiceGrpc;
import io.rightsize.api.v1.RecommendRequest;
import io.rightsize.api.v1.RecommendResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A predictor that keeps the {@code traceparent} header of every Recommend it gets and has no answer, so the
 * orchestrator falls back: what the test looks at is the header, not the allocation.
 */
public class TracedPredictorResource extends PredictorStubResource {

    static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
    /** Each call's header in arrival order; empty strings for calls that had none. */
    static final List<String> TRACEPARENTS = new CopyOnWriteArrayList<>();

    @Override
    BindableService predictor() {
        ServerInterceptor headers = new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata metadata,
                                                               ServerCallHandler<Q, A> next) {
                String traceparent = metadata.get(TRACEPARENT);
                TRACEPARENTS.add(traceparent == null ? "" : traceparent);
                return next.startCall(call, metadata);
            }
        };
        return () -> ServerInterceptors.intercept(new NoAnswer(), headers);
    }

    private static final class NoAnswer extends PredictorServiceGrpc.PredictorServiceImplBase {
        @Override
        public void recommend(RecommendRequest request, StreamObserver<RecommendResponse> response) {
            response.onError(Status.NOT_FOUND.withDescription("no model yet").asRuntimeException());
        }
    }
}
