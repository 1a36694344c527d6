package io.rightsize.cli.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.rightsize.allocation.policy.Quantity;
import io.rightsize.api.v1.RecommendResponse;
import io.rightsize.api.v1.TaskRecommendation;
import java.util.List;

/**
 * What Recommend answered, in the shape Kubernetes users read: requests and limits as quantities ({@code 250m},
 * {@code 512Mi}), one entry per task of the order; or what a recommender gives each container of a namespace
 * ({@link UsageRecommendations}).
 */
@JsonPropertyOrder({"recommender", "tasks"})
public record Recommendations(String recommender, List<TaskResources> tasks) {

    public static Recommendations of(RecommendResponse response) {
        return new Recommendations(response.getRecommender(), response.getTasksList().stream()
                .map(Recommendations::task).toList());
    }

    private static TaskResources task(TaskRecommendation t) {
        var a = t.getAllocation();
        return new TaskResources(t.getPosition(), t.getService(), null,
                new Resources(Quantity.cpuText(a.getCpuRequestMillicores()),
                        Quantity.memoryText(a.getMemoryRequestBytes())),
                new Resources(Quantity.cpuText(a.getCpuLimitMillicores()),
                        Quantity.memoryText(a.getMemoryLimitBytes())),
                t.getBasis());
    }

    /**
     * One task's requests and limits, and why; or one container's of a workload ({@code service}), where
     * {@code container} is set.
     */
    @JsonPropertyOrder({"position", "service", "container", "requests", "limits", "basis"})
    public record TaskResources(int position, String service, @JsonInclude(JsonInclude.Include.NON_NULL) String container,
                                Resources requests, Resources limits, String basis) {

        /** The container name a patch sets: the container's, else the service's (an order's task). */
        public String containerName() {
            return container == null ? service : container;
        }

        /** How the table names it: {@code service} or {@code service/container}. */
        String label() {
            return container == null ? service : service + "/" + container;
        }
    }

    /** A container's {@code resources.requests} or {@code .limits}; a resource with no recommendation is null. */
    @JsonPropertyOrder({"cpu", "memory"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resources(String cpu, String memory) {
    }
}
