package io.rightsize.orchestrator;

import io.grpc.BindableService;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.rightsize.api.v1.Allocation;
import io.rightsize.api.v1.PredictorServiceGrpc;
import io.rightsize.api.v1.RecommendRequest;
import io.rightsize.api.v1.RecommendResponse;
import io.rightsize.api.v1.TaskRecommendation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real gRPC PredictorService on a free 127.0.0.1 port that recommends fixed allocations per service, with the
 * orchestrator's predictor client pointed at it; an order with any other service gets an error.
 */
public class FixedPredictorResource extends PredictorStubResource {

    private static final long MIB = 1024 * 1024;

    /** Deliberately unlike the configured default and already whole MiB, so they must arrive unchanged. */
    static final Map<String, Allocation> ALLOCATIONS = Map.of(
            "grayscale", allocation(150, 700, 96 * MIB, 192 * MIB),
            "sobel", allocation(320, 1500, 80 * MIB, 448 * MIB),
            "resize", allocation(400, 1600, 128 * MIB, 512 * MIB),
            // Far too little for a large rotation: a 24 MiB heap.
            "rotate", allocation(200, 1000, 16 * MIB, 32 * MIB),
            "median", allocation(100, 500, 64 * MIB, 128 * MIB));
    /** What the size model would say each service needs: median more than any machine has (64 TiB). */
    static final Map<String, Long> NEEDED = Map.of("median", 1L << 46);
    static final String SOURCE = "rightsize-ml";
    /** Every request's services and input sizes, in arrival order. */
    static final List<RecommendRequest> REQUESTS = new CopyOnWriteArrayList<>();

    @Override
    BindableService predictor() {
        return new FixedPredictor();
    }

    private static Allocation allocation(long cpuRequest, long cpuLimit, long memoryRequest, long memoryLimit) {
        return Allocation.newBuilder().setCpuRequestMillicores(cpuRequest).setCpuLimitMillicores(cpuLimit)
                .setMemoryRequestBytes(memoryRequest).setMemoryLimitBytes(memoryLimit).setSource(SOURCE).build();
    }

    private static final class FixedPredictor extends PredictorServiceGrpc.PredictorServiceImplBase {
        @Override
        public void recommend(RecommendRequest request, StreamObserver<RecommendResponse> response) {
            REQUESTS.add(request);
            RecommendResponse.Builder answer = RecommendResponse.newBuilder().setRecommender(SOURCE);
            for (int position = 0; position < request.getServicesCount(); position++) {
                String service = request.getServices(position);
                if (!ALLOCATIONS.containsKey(service)) {
                    response.onError(Status.INVALID_ARGUMENT.withDescription("no allocation for " + service)
                            .asRuntimeException());
                    return;
                }
                answer.addTasks(TaskRecommendation.newBuilder().setPosition(position).setService(service)
                        .setAllocation(ALLOCATIONS.get(service)).setExpectedSeconds(1).setBasis("fixed for the test")
                        .setNeededMemoryBytes(NEEDED.getOrDefault(service, 0L)));
            }
            response.onNext(answer.build());
            response.onCompleted();
        }
    }
}
