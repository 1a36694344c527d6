package io.rightsize.fx.service;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.rightsize.api.v1.CancelOrderRequest;
import io.rightsize.api.v1.CapacityStatus;
import io.rightsize.api.v1.GetCapacityRequest;
import io.rightsize.api.v1.GetModelRequest;
import io.rightsize.api.v1.ListOrdersRequest;
import io.rightsize.api.v1.ModelInfo;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderEvent;
import io.rightsize.api.v1.RecommendRequest;
import io.rightsize.api.v1.RecommendResponse;
import io.rightsize.api.v1.TaskSamplesRequest;
import io.rightsize.api.v1.TaskUsageRequest;
import io.rightsize.api.v1.TaskUsageResponse;
import io.rightsize.api.v1.TrainProgress;
import io.rightsize.api.v1.TrainRequest;
import io.rightsize.api.v1.UsageSample;
import io.rightsize.api.v1.WatchOrderRequest;
import io.rightsize.api.v1.WatchUsageRequest;
import io.rightsize.client.Endpoints;
import io.rightsize.client.OrderFiles;
import io.rightsize.client.RightsizeClient;
import io.rightsize.client.mapping.TaskParamsMapper;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The client's gRPC calls. Every method blocks or streams on the calling thread or on this gateway's own
 * threads, never on the FX thread; callers hand results to the FX thread themselves.
 */
public final class RightsizeGateway implements AutoCloseable {

    private static final long CALL_DEADLINE_SECONDS = 15;
    /** Shorter than a call's: the capacity is polled every few seconds, and a stale answer is worth little. */
    private static final long CAPACITY_DEADLINE_SECONDS = 3;

    private final Endpoints endpoints;
    private final RightsizeClient client;
    private final ExecutorService streams = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "rightsize-stream");
        thread.setDaemon(true);
        return thread;
    });

    public RightsizeGateway(Endpoints endpoints) {
        this.endpoints = endpoints;
        this.client = new RightsizeClient(endpoints);
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** Fails with UNAVAILABLE when the orchestrator does not answer. */
    public List<Order> listOrders(int limit) {
        return client.orders().withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS)
                .listOrders(ListOrdersRequest.newBuilder().setLimit(limit).build()).getOrdersList();
    }

    public Order submit(Path orderFile) {
        return client.orders().withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS)
                .submitOrder(OrderFiles.request(orderFile));
    }

    public Order cancel(String orderId) {
        return client.orders().withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS)
                .cancelOrder(CancelOrderRequest.newBuilder().setId(orderId).build());
    }

    /** What local tasks may reserve together, what the running ones reserve and use now, and how many wait. */
    public CapacityStatus capacity() {
        return client.orders().withDeadlineAfter(CAPACITY_DEADLINE_SECONDS, TimeUnit.SECONDS)
                .getCapacity(GetCapacityRequest.getDefaultInstance());
    }

    /** Per task and resource statistics of an order's stored samples (count, min, avg, max, percentiles). */
    public TaskUsageResponse taskUsage(String orderId) {
        return client.usage().withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS)
                .getTaskUsage(TaskUsageRequest.newBuilder().setOrderId(orderId).build());
    }

    /** A task's stored samples, oldest first: how a finished task ran, for a window that was not watching then. */
    public List<UsageSample> taskSamples(String orderId, long taskId) {
        return client.usage().withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS)
                .getTaskSamples(TaskSamplesRequest.newBuilder().setOrderId(orderId).setTaskId(taskId).build())
                .getSamplesList();
    }

    public ModelInfo model() {
        return client.predictor().withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS)
                .getModel(GetModelRequest.getDefaultInstance());
    }

    /**
     * The allocation each of these services would get, in order, with these parameters; an empty recommender means
     * the predictor's default. {@code firstInputPixels} is the size of the image the first task reads (0 when
     * unknown); the later tasks' inputs are known only when they run.
     */
    public RecommendResponse recommend(List<String> services, List<Map<String, Double>> params,
                                       long firstInputPixels, String recommender) {
        RecommendRequest.Builder request = RecommendRequest.newBuilder().addAllServices(services)
                .addAllTaskParams(TaskParamsMapper.toProto(params))
                .setRecommender(recommender);
        if (firstInputPixels > 0) {
            request.addInputPixels(firstInputPixels);
        }
        return client.predictor().withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS)
                .recommend(request.build());
    }

    /** Trains on the stored samples, handing over each progress message; blocks until training ends. */
    public void train(Consumer<TrainProgress> onProgress) {
        Iterator<TrainProgress> progress = client.predictor().train(TrainRequest.getDefaultInstance());
        while (progress.hasNext()) {
            onProgress.accept(progress.next());
        }
    }

    /** Streams an order's events until it ends; {@code onEnd} gets null on a normal end, else the error. */
    public void watchOrder(String orderId, Consumer<Order> onOrder, Consumer<Throwable> onEnd) {
        client.ordersAsync().watchOrder(WatchOrderRequest.newBuilder().setId(orderId).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(OrderEvent event) {
                        onOrder.accept(event.getOrder());
                    }

                    @Override
                    public void onError(Throwable error) {
                        onEnd.accept(error);
                    }

                    @Override
                    public void onCompleted() {
                        onEnd.accept(null);
                    }
                });
    }

    /**
     * Streams every live sample of every order until the returned handle is closed; the server keeps no history
     * in this stream, so start it before submitting.
     */
    public AutoCloseable watchUsage(Consumer<UsageSample> onSample, Consumer<Throwable> onError) {
        Context.CancellableContext context = Context.current().withCancellation();
        streams.execute(() -> context.run(() -> {
            try {
                Iterator<UsageSample> samples = client.usage().watchUsage(WatchUsageRequest.getDefaultInstance());
                while (samples.hasNext()) {
                    onSample.accept(samples.next());
                }
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.CANCELLED) {
                    onError.accept(e);
                }
            }
        }));
        return () -> context.cancel(null);
    }

    @Override
    public void close() {
        streams.shutdownNow();
        client.close();
    }

    /** The description a user can act on: the server's "field: reason", or the status code when there is none. */
    public static String describe(Throwable error) {
        if (error instanceof StatusRuntimeException status) {
            String description = status.getStatus().getDescription();
            return status.getStatus().getCode() + (description == null ? "" : ": " + description);
        }
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }
}
