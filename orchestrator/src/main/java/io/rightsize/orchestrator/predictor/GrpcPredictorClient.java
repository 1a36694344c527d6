package io.rightsize.orchestrator.predictor;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.rightsize.api.v1.PredictorServiceGrpc;
import io.rightsize.api.v1.RecommendRequest;
import io.rightsize.api.v1.RecommendResponse;
import io.rightsize.api.v1.TaskRecommendation;
import io.rightsize.client.mapping.AllocationMapper;
import io.rightsize.client.mapping.TaskParamsMapper;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Calls the predictor's Recommend over gRPC ({@code quarkus.grpc.clients.predictor.*}) and accepts only an answer
 * that gives every task of the order an allocation matching its service, so a confused answer is never half used.
 *
 * <p>A predictor that hangs would cost every task its full deadline before the fallback, one after another. After
 * {@value #FAILURES_TO_OPEN} calls in a row that time out or cannot connect, the circuit opens: tasks fall back at
 * once, and one call tries again after {@value #OPEN_MILLIS} ms (MicroProfile Fault Tolerance; override with
 * {@code io.rightsize.orchestrator.predictor.GrpcPredictorClient/recommend/CircuitBreaker/delay}). Refusals (an
 * error status) do not count: the predictor is answering.
 */
@ApplicationScoped
public class GrpcPredictorClient implements PredictorClient {

    static final int FAILURES_TO_OPEN = 2;
    static final long OPEN_MILLIS = 30_000;

    private final PredictorServiceGrpc.PredictorServiceBlockingStub stub;
    private final Duration deadline;

    public GrpcPredictorClient(@GrpcClient("predictor") PredictorServiceGrpc.PredictorServiceBlockingStub stub,
                               OrchestratorConfig config) {
        this.stub = stub;
        this.deadline = config.predictor().deadline();
    }

    @Override
    @CircuitBreaker(requestVolumeThreshold = FAILURES_TO_OPEN, failureRatio = 1.0, delay = OPEN_MILLIS,
            successThreshold = 1, failOn = PredictorUnreachableException.class)
    @Fallback(fallbackMethod = "notAskedWhileOpen", applyOn = CircuitBreakerOpenException.class)
    public List<Recommended> recommend(List<String> services, List<Long> inputPixels,
                                      List<Map<String, Double>> params) throws NoRecommendationException {
        RecommendResponse response;
        try {
            // Set per call: Quarkus's own deadline setting is fixed when the stub is created, and would expire.
            response = stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .recommend(RecommendRequest.newBuilder().addAllServices(services).addAllInputPixels(inputPixels)
                            .addAllTaskParams(TaskParamsMapper.toProto(params)).build());
        } catch (StatusRuntimeException e) {
            String why = e.getStatus().getCode()
                    + (e.getStatus().getDescription() == null ? "" : ": " + e.getStatus().getDescription());
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.DEADLINE_EXCEEDED || code == Status.Code.UNAVAILABLE) {
                throw new PredictorUnreachableException(why);
            }
            throw new NoRecommendationException(why);
        }
        return allocations(services, response);
    }

    /** While the circuit is open the predictor is not asked at all. */
    List<Recommended> notAskedWhileOpen(List<String> services, List<Long> inputPixels,
                                       List<Map<String, Double>> params) throws NoRecommendationException {
        throw new NoRecommendationException("not asked: the last " + FAILURES_TO_OPEN
                + " calls timed out or could not connect (circuit open, trying again after a pause)");
    }

    private static List<Recommended> allocations(List<String> services, RecommendResponse response)
            throws NoRecommendationException {
        List<Recommended> byPosition = new ArrayList<>(Collections.nCopies(services.size(), null));
        for (TaskRecommendation task : response.getTasksList()) {
            int position = task.getPosition();
            if (position < 0 || position >= services.size() || !task.hasAllocation()
                    || !task.getService().equals(services.get(position))) {
                throw new NoRecommendationException("the answer for task " + position + " (" + task.getService()
                        + ") does not match the order's tasks " + services);
            }
            io.rightsize.api.v1.Allocation a = task.getAllocation();
            if (a.getCpuLimitMillicores() <= 0 || a.getMemoryLimitBytes() <= 0 || a.getCpuRequestMillicores() < 0
                    || a.getMemoryRequestBytes() < 0) {
                throw new NoRecommendationException("the allocation for task " + position + " is not positive: "
                        + a.toString().replace('\n', ' ').strip());
            }
            String blankSource = response.getRecommender().isBlank() ? "predictor" : response.getRecommender();
            byPosition.set(position, new Recommended(AllocationMapper.fromProto(a, blankSource),
                    Math.max(0, task.getNeededMemoryBytes())));
        }
        int missing = byPosition.indexOf(null);
        if (missing >= 0) {
            throw new NoRecommendationException(response.getTasksCount() == 0 ? "the answer is empty"
                    : "the answer has no allocation for task " + missing + " (" + services.get(missing) + ")");
        }
        return byPosition;
    }
}
