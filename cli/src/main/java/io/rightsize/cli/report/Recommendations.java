package io.rightsize.cli.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.rightsize.allocation.policy.Quantity;
import io.rightsize.api.v1.RecommendResponse;
import io.rightsize.api.v1.TaskRecommendation;
import java.util.List;

/**
 * What Recommend answered, in the shape Kubernetes users read: requests and limits as quantities ({@code 250m},
 * {@code 512Mi}), one entry per task of the order.
 */
@JsonPropertyOrder({"recommender", "tasks"})
public record Recommendations(String recommender, List<TaskResources> tasks) {

    public static Recommendations of(RecommendResponse response) {
        return new Recommendations(response.getRecommender(), response.getTasksList().stream()
                .map(Recommendations::task).toList());
    }

    private static TaskResources task(TaskRecommendation t) {
        var a = t.getAllocation();
        return new TaskResources(t.getPosition(), t.getService(),
                new Resources(Quantity.cpuText(a.getCpuRequestMillicores()),
                        Quantity.memoryText(a.getMemoryRequestBytes())),
                new Resources(Quantity.cpuText(a.getCpuLimitMillicores()),
                        Quantity.memoryText(a.getMemoryLimitBytes())),
                t.getBasis());
    }

    /** One task's requests and limits, and why. */
    @JsonPropertyOrder({"position", "service", "requests", "limits", "basis"})
    public record TaskResources(int position, String service, Resources requests, Resources limits, String basis) {
    }

    /** A container's {@code resources.requests} or {@code .limits}. */
    @JsonPropertyOrder({"cpu", "memory"})
    public record Resources(String cpu, String memory) {
    }
}
