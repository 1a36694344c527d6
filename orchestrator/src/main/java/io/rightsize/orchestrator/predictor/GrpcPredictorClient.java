package io.rightsize.orchestrator.predictor;

import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.rightsize.api.v1.PredictorServiceGrpc;
import io.rightsize.api.v1.RecommendRequest;
import io.rightsize.api.v1.RecommendResponse;
import io.rightsize.api.v1.TaskRecommendation;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Calls the predictor's Recommend over gRPC ({@code quarkus.grpc.clients.predictor.*}) and accepts only an answer
 * that gives every task of the order an allocation matching its service, so a confused answer is never half used.
 */
@ApplicationScoped
public class GrpcPredictorClient implements PredictorClient {

    private final PredictorServiceGrpc.PredictorServiceBlockingStub stub;
    private final Duration deadline;

    public GrpcPredictorClient(@GrpcClient("predictor") PredictorServiceGrpc.PredictorServiceBlockingStub stub,
                               OrchestratorConfig config) {
        this.stub = stub;
        this.deadline = config.predictor().deadline();
    }

    @Override
    public List<Allocation> recommend(List<String> services, List<Long> inputPixels)
            throws NoRecommendationException {
        RecommendResponse response;
        try {
            // Set per call: Quarkus's own deadline setting is fixed when the stub is created, and would expire.
            response = stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .recommend(RecommendRequest.newBuilder().addAllServices(services).addAllInputPixels(inputPixels)
                            .build());
        } catch (StatusRuntimeException e) {
            throw new NoRecommendationException(e.getStatus().getCode()
                    + (e.getStatus().getDescription() == null ? "" : ": " + e.getStatus().getDescription()));
        }
        return allocations(services, response);
    }

    private static List<Allocation> allocations(List<String> services, RecommendResponse response)
            throws NoRecommendationException {
        List<Allocation> byPosition = new ArrayList<>(Collections.nCopies(services.size(), null));
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
            String source = a.getSource().isBlank() ? response.getRecommender() : a.getSource();
            byPosition.set(position, new Allocation(a.getCpuRequestMillicores(), a.getCpuLimitMillicores(),
                    a.getMemoryRequestBytes(), a.getMemoryLimitBytes(), source.isBlank() ? "predictor" : source));
        }
        int missing = byPosition.indexOf(null);
        if (missing >= 0) {
            throw new NoRecommendationException(response.getTasksCount() == 0 ? "the answer is empty"
                    : "the answer has no allocation for task " + missing + " (" + services.get(missing) + ")");
        }
        return byPosition;
    }
}
