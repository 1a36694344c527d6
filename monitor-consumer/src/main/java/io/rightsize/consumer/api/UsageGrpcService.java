package io.rightsize.consumer.api;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.rightsize.api.v1.Resource;
import io.rightsize.api.v1.ServiceResourceStats;
import io.rightsize.api.v1.Stats;
import io.rightsize.api.v1.TaskResourceStats;
import io.rightsize.api.v1.TaskSamplesRequest;
import io.rightsize.api.v1.TaskSamplesResponse;
import io.rightsize.api.v1.TaskUsageRequest;
import io.rightsize.api.v1.TaskUsageResponse;
import io.rightsize.api.v1.UsageSample;
import io.rightsize.api.v1.UsageService;
import io.rightsize.api.v1.UsageStatsRequest;
import io.rightsize.api.v1.UsageStatsResponse;
import io.rightsize.api.v1.WatchUsageRequest;
import io.rightsize.client.mapping.TimestampMapper;
import io.rightsize.consumer.live.LiveSamples;
import io.rightsize.consumer.store.SampleQueries;
import io.rightsize.consumer.store.StatsQueries;
import io.rightsize.consumer.store.UsageStats;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Instant;

/** gRPC UsageService: live samples as they are stored, the stored ones of a task, and statistics over them. */
@GrpcService
public class UsageGrpcService implements UsageService {

    private final LiveSamples live;
    private final StatsQueries queries;
    private final SampleQueries samples;

    public UsageGrpcService(LiveSamples live, StatsQueries queries, SampleQueries samples) {
        this.live = live;
        this.queries = queries;
        this.samples = samples;
    }

    @Override
    public Multi<UsageSample> watchUsage(WatchUsageRequest request) {
        if (request.getTaskId() < 0) {
            return Multi.createFrom().failure(Status.INVALID_ARGUMENT
                    .withDescription("task_id: must not be negative").asRuntimeException());
        }
        return live.watch(request.getOrderId(), request.getTaskId()).map(UsageGrpcService::sample);
    }

    @Override
    public Uni<UsageStatsResponse> getUsageStats(UsageStatsRequest request) {
        Instant since = request.hasSince() ? TimestampMapper.fromProto(request.getSince()) : null;
        Instant until = request.hasUntil() ? TimestampMapper.fromProto(request.getUntil()) : null;
        if (since != null && until != null && !since.isBefore(until)) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT
                    .withDescription("since: must be before until").asRuntimeException());
        }
        return queries.byService(blankToNull(request.getOrderId()), blankToNull(request.getService()), since, until)
                .map(list -> {
                    UsageStatsResponse.Builder b = UsageStatsResponse.newBuilder();
                    list.forEach(s -> b.addStats(ServiceResourceStats.newBuilder().setService(s.service())
                            .setResource(resource(s.resource())).setStats(stats(s))));
                    return b.build();
                });
    }

    @Override
    public Uni<TaskUsageResponse> getTaskUsage(TaskUsageRequest request) {
        if (request.getOrderId().isBlank()) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription("order_id: is required")
                    .asRuntimeException());
        }
        return queries.byTask(request.getOrderId()).map(list -> {
            TaskUsageResponse.Builder b = TaskUsageResponse.newBuilder();
            list.forEach(s -> b.addStats(TaskResourceStats.newBuilder().setTaskId(s.taskId()).setService(s.service())
                    .setResource(resource(s.resource())).setStats(stats(s))));
            return b.build();
        });
    }

    @Override
    public Uni<TaskSamplesResponse> getTaskSamples(TaskSamplesRequest request) {
        if (request.getOrderId().isBlank() || request.getTaskId() <= 0) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT
                    .withDescription("order_id and task_id: both are required").asRuntimeException());
        }
        return samples.ofTask(request.getOrderId(), request.getTaskId()).map(list -> {
            boolean truncated = list.size() > SampleQueries.MAX_SAMPLES;
            TaskSamplesResponse.Builder b = TaskSamplesResponse.newBuilder().setTruncated(truncated);
            list.stream().limit(SampleQueries.MAX_SAMPLES).forEach(s -> b.addSamples(sample(s)));
            return b.build();
        });
    }

    private static UsageSample sample(io.rightsize.common.messaging.UsageSample s) {
        return UsageSample.newBuilder()
                .setOrderId(s.orderId())
                .setTaskId(s.taskId())
                .setService(s.service())
                .setResource(resource(s.resource()))
                .setValue(s.value())
                .setTimestamp(TimestampMapper.toProto(s.timestamp()))
                .build();
    }

    private static Stats stats(UsageStats s) {
        return Stats.newBuilder().setCount(s.count()).setMin(s.min()).setAvg(s.avg()).setMax(s.max())
                .setP50(s.p50()).setP90(s.p90()).setP95(s.p95()).setP99(s.p99()).build();
    }

    private static Resource resource(io.rightsize.common.messaging.Resource resource) {
        return Resource.valueOf(resource.name());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
