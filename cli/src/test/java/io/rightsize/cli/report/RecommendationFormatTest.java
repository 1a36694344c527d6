package io.rightsize.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.api.v1.Allocation;
import io.rightsize.api.v1.RecommendResponse;
import io.rightsize.api.v1.TaskRecommendation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationFormatTest {

    private static final Recommendations TWO = Recommendations.of(RecommendResponse.newBuilder()
            .setRecommender("rightsize")
            .addTasks(task(0, "resize", 250, 1000, 256L << 20, 1L << 30, "12 runs"))
            .addTasks(task(1, "blur", 1500, 2000, 384L << 20, 1536L << 20, "default"))
            .addTasks(task(2, "resize", 300, 1000, 256L << 20, 1L << 30, "12 runs"))
            .build());

    @Test
    void yamlCarriesKubernetesQuantities() {
        assertEquals("""
                recommender: rightsize
                tasks:
                - position: 0
                  service: resize
                  requests:
                    cpu: 250m
                    memory: 256Mi
                  limits:
                    cpu: 1
                    memory: 1Gi
                  basis: 12 runs
                """, RecommendationFormat.YAML.render(new Recommendations("rightsize", TWO.tasks().subList(0, 1))));
    }

    @Test
    void csvHasAHeaderAndARowPerTask() {
        assertEquals("""
                position,service,cpu_request,cpu_limit,memory_request,memory_limit,basis
                0,resize,250m,1,256Mi,1Gi,"12 runs"
                1,blur,1500m,2,384Mi,1536Mi,default
                2,resize,300m,1,256Mi,1Gi,"12 runs"
                """, RecommendationFormat.CSV.render(TWO));
    }

    @Test
    void aPatchPerServiceForKustomize() {
        String patches = RecommendationFormat.PATCH.render(TWO);

        assertEquals(2, patches.split("---\n").length, "resize once (its first task), blur once");
        assertEquals("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: resize
                  annotations:
                    rightsize.io/recommender: rightsize
                spec:
                  template:
                    spec:
                      containers:
                      - name: resize
                        resources:
                          requests:
                            cpu: 250m
                            memory: 256Mi
                          limits:
                            cpu: 1
                            memory: 1Gi
                """, patches.split("---\n")[0]);
    }

    @Test
    void aWorkloadsContainersShareOnePatchAndGetAContainerColumn() {
        Recommendations workloads = new Recommendations("rightsize", List.of(
                container(0, "api", "api", "250m", "512Mi"), container(1, "api", "envoy", "40m", "64Mi"),
                new Recommendations.TaskResources(2, "db", "postgres", new Recommendations.Resources(null, "1Gi"),
                        new Recommendations.Resources(null, "1Gi"), "3 cpu samples, fewer than the 100 krr needs")));

        String patches = RecommendationFormat.PATCH.render(workloads);

        assertEquals(2, patches.split("---\n").length, "api with both its containers, then db");
        assertTrue(patches.split("---\n")[0].contains("- name: api\n") && patches.contains("- name: envoy\n"));
        assertTrue(patches.split("---\n")[1].contains("memory: 1Gi") && !patches.split("---\n")[1].contains("cpu"),
                "a resource without a recommendation is left out of the patch");
        assertEquals("""
                position,service,container,cpu_request,cpu_limit,memory_request,memory_limit,basis
                0,api,api,250m,250m,512Mi,512Mi,"1000 samples"
                1,api,envoy,40m,40m,64Mi,64Mi,"1000 samples"
                2,db,postgres,,,1Gi,1Gi,"3 cpu samples, fewer than the 100 krr needs"
                """, RecommendationFormat.CSV.render(workloads));
        assertTrue(RecommendationFormat.TABLE.render(workloads).contains("db/postgres"));
        assertTrue(RecommendationFormat.TABLE.render(workloads).contains("-/-"));
    }

    private static Recommendations.TaskResources container(int position, String workload, String container,
                                                           String cpu, String memory) {
        Recommendations.Resources resources = new Recommendations.Resources(cpu, memory);
        return new Recommendations.TaskResources(position, workload, container, resources, resources, "1000 samples");
    }

    private static TaskRecommendation task(int position, String service, long cpuReq, long cpuLim, long memReq,
                                           long memLim, String basis) {
        return TaskRecommendation.newBuilder().setPosition(position).setService(service).setBasis(basis)
                .setAllocation(Allocation.newBuilder().setCpuRequestMillicores(cpuReq).setCpuLimitMillicores(cpuLim)
                        .setMemoryRequestBytes(memReq).setMemoryLimitBytes(memLim)).build();
    }
}
