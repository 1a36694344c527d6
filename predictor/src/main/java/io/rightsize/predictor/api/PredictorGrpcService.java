package io.rightsize.predictor.api;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.rightsize.api.v1.GetModelRequest;
import io.rightsize.api.v1.ModelInfo;
import io.rightsize.api.v1.PredictRequest;
import io.rightsize.api.v1.PredictResponse;
import io.rightsize.api.v1.PredictorService;
import io.rightsize.api.v1.RecommendRequest;
import io.rightsize.api.v1.RecommendResponse;
import io.rightsize.api.v1.TaskRecommendation;
import io.rightsize.api.v1.TrainProgress;
import io.rightsize.api.v1.TrainRequest;
import io.rightsize.client.mapping.AllocationMapper;
import io.rightsize.client.mapping.TaskParamsMapper;
import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.features.TaskParams;
import io.rightsize.predictor.metrics.PredictorMetrics;
import io.rightsize.predictor.metrics.RecommendationGauges;
import io.rightsize.predictor.model.TrainingException;
import io.rightsize.predictor.model.UsageModel;
import io.rightsize.predictor.recommend.AllocationService;
import io.rightsize.predictor.recommend.ModelHolder;
import io.rightsize.predictor.recommend.RecommenderRegistry;
import io.rightsize.predictor.recommend.TaskAllocation;
import io.rightsize.predictor.recommend.TrainingService;
import io.rightsize.tasks.catalog.InvalidParamException;
import io.rightsize.tasks.catalog.TaskCatalog;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** gRPC PredictorService: Train, Predict, Recommend and GetModel. */
@GrpcService
public class PredictorGrpcService implements PredictorService {

    private static final int MAX_SERVICES = 64;

    private final TrainingService training;
    private final ModelHolder models;
    private final AllocationService allocations;
    private final PredictorMetrics metrics;
    private final RecommendationGauges gauges;

    public PredictorGrpcService(TrainingService training, ModelHolder models, AllocationService allocations,
                                PredictorMetrics metrics, RecommendationGauges gauges) {
        this.training = training;
        this.models = models;
        this.allocations = allocations;
        this.metrics = metrics;
        this.gauges = gauges;
    }

    @Override
    public Multi<TrainProgress> train(TrainRequest request) {
        if (request.getValidationFraction() < 0 || request.getValidationFraction() >= 1) {
            return Multi.createFrom().failure(Status.INVALID_ARGUMENT
                    .withDescription("validation_fraction: must be in [0, 1), got " + request.getValidationFraction())
                    .asRuntimeException());
        }
        return metrics.training(Multi.createFrom().<TrainProgress>emitter(emitter -> {
            try {
                boolean ran = training.tryTrain(request.getValidationFraction(), request.getSeed(), p ->
                        emitter.emit(TrainProgress.newBuilder().setStage(p.stage()).setMessage(p.message())
                                .setFractionDone(p.fractionDone()).setCandidate(p.candidate())
                                .setIteration(p.iteration()).setLoss(p.loss()).build()));
                if (!ran) {
                    emitter.fail(Status.ABORTED.withDescription("a training run is already in progress")
                            .asRuntimeException());
                    return;
                }
                emitter.emit(TrainProgress.newBuilder().setStage("saved").setMessage("model saved")
                        .setFractionDone(1.0).setModel(modelInfo()).build());
                emitter.complete();
            } catch (TrainingException e) {
                emitter.fail(Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException());
            } catch (RuntimeException e) {
                emitter.fail(Status.INTERNAL.withDescription("training failed: " + e.getMessage())
                        .asRuntimeException());
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    @Override
    public Uni<PredictResponse> predict(PredictRequest request) {
        return metrics.predict(() -> answer(request));
    }

    private Uni<PredictResponse> answer(PredictRequest request) {
        UsageModel model = models.current().orElse(null);
        if (model == null) {
            return failed(Status.FAILED_PRECONDITION, "no model trained yet: call Train first");
        }
        if (!model.knows(request.getService())) {
            return failed(Status.INVALID_ARGUMENT, "service: the model has not seen '" + request.getService() + "'");
        }
        if (request.getResource() == io.rightsize.api.v1.Resource.RESOURCE_UNSPECIFIED
                || request.getResource() == io.rightsize.api.v1.Resource.UNRECOGNIZED) {
            return failed(Status.INVALID_ARGUMENT, "resource: is required");
        }
        if (!(request.getElapsedSeconds() >= 0) || request.getElapsedSeconds() > 86_400) {
            return failed(Status.INVALID_ARGUMENT, "elapsed_seconds: must be between 0 and 86400");
        }
        if (request.getInputPixels() < 0) {
            return failed(Status.INVALID_ARGUMENT, "input_pixels: must be 0 (unknown) or positive, got "
                    + request.getInputPixels());
        }
        Map<String, Double> params;
        try {
            params = TaskParams.resolve(request.getService(), request.getParamsMap());
        } catch (InvalidParamException e) {
            return failed(Status.INVALID_ARGUMENT, "params." + e.param() + ": " + e.reason());
        }
        Set<String> orderServices = new HashSet<>(request.getOrderServicesList());
        orderServices.add(request.getService());
        Resource resource = Resource.valueOf(request.getResource().name());
        double value = model.predict(orderServices, request.getService(), request.getInputPixels(), params, resource,
                request.getElapsedSeconds());
        double upper = model.upperBound(value, request.getService(), resource);
        return Uni.createFrom().item(PredictResponse.newBuilder().setValue(value).setUpperBound(upper)
                .setCoverage(model.metadata().calibration().coverage())
                .setModelVersion("v" + model.metadata().version()).build());
    }

    @Override
    @Blocking
    public Uni<RecommendResponse> recommend(RecommendRequest request) {
        return metrics.recommend(() -> answer(request));
    }

    private Uni<RecommendResponse> answer(RecommendRequest request) {
        List<String> services = request.getServicesList();
        if (services.isEmpty()) {
            return failed(Status.INVALID_ARGUMENT, "services: list at least one task service");
        }
        if (services.size() > MAX_SERVICES) {
            return failed(Status.INVALID_ARGUMENT, "services: at most " + MAX_SERVICES + " tasks, got "
                    + services.size());
        }
        for (int i = 0; i < services.size(); i++) {
            if (TaskCatalog.find(services.get(i)).isEmpty()) {
                return failed(Status.INVALID_ARGUMENT, "services[" + i + "]: unknown task '" + services.get(i)
                        + "'; known tasks: " + String.join(", ", TaskCatalog.names()));
            }
        }
        if (request.getInputPixelsCount() > services.size()) {
            return failed(Status.INVALID_ARGUMENT, "input_pixels: " + request.getInputPixelsCount()
                    + " sizes for " + services.size() + " tasks");
        }
        for (int i = 0; i < request.getInputPixelsCount(); i++) {
            if (request.getInputPixels(i) < 0) {
                return failed(Status.INVALID_ARGUMENT, "input_pixels[" + i + "]: must be 0 (unknown) or positive, got "
                        + request.getInputPixels(i));
            }
        }
        if (request.getTaskParamsCount() > services.size()) {
            return failed(Status.INVALID_ARGUMENT, "task_params: " + request.getTaskParamsCount()
                    + " parameter sets for " + services.size() + " tasks");
        }
        List<Map<String, Double>> params = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            try {
                params.add(TaskParams.resolve(services.get(i), i < request.getTaskParamsCount()
                        ? TaskParamsMapper.fromProto(request.getTaskParams(i)) : Map.of()));
            } catch (InvalidParamException e) {
                return failed(Status.INVALID_ARGUMENT, "task_params[" + i + "]." + e.param() + ": " + e.reason());
            }
        }
        if (!request.getRecommender().isBlank() && !RecommenderRegistry.isKnown(request.getRecommender())) {
            return failed(Status.INVALID_ARGUMENT, "recommender: unknown '" + request.getRecommender()
                    + "'; known: " + RecommenderRegistry.names());
        }
        String recommender = request.getRecommender().isBlank() ? allocations.defaultRecommender()
                : request.getRecommender();
        RecommendResponse.Builder response = RecommendResponse.newBuilder().setRecommender(recommender);
        List<Long> inputPixels = new ArrayList<>(request.getInputPixelsList());
        while (inputPixels.size() < services.size()) {
            inputPixels.add(0L);
        }
        for (TaskAllocation task : allocations.recommend(services, inputPixels, params, recommender)) {
            gauges.record(task.service(), task.allocation());
            response.addTasks(TaskRecommendation.newBuilder().setPosition(task.position()).setService(task.service())
                    .setExpectedSeconds(task.expectedSeconds()).setBasis(task.basis())
                    .setNeededMemoryBytes(task.neededMemoryBytes())
                    .setAllocation(AllocationMapper.toProto(task.allocation())));
        }
        return Uni.createFrom().item(response.build());
    }

    @Override
    public Uni<ModelInfo> getModel(GetModelRequest request) {
        return Uni.createFrom().item(modelInfo());
    }

    private ModelInfo modelInfo() {
        return models.current().map(m -> ModelInfos.of(m.metadata(), allocations.defaultRecommender()))
                .orElse(ModelInfo.newBuilder().setPresent(false)
                        .setDefaultRecommender(allocations.defaultRecommender())
                        .addAllRecommenders(ModelInfos.recommenders()).build());
    }

    private static <T> Uni<T> failed(Status status, String description) {
        return Uni.createFrom().failure(status.withDescription(description).asRuntimeException());
    }
}
