package io.rightsize.cli.command;

import io.grpc.StatusRuntimeException;
import io.rightsize.api.v1.RecommendRequest;
import io.rightsize.api.v1.RecommendResponse;
import io.rightsize.cli.client.EndpointOptions;
import io.rightsize.cli.client.StackService;
import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.trace.Series;
import io.rightsize.cli.prometheus.PrometheusException;
import io.rightsize.cli.prometheus.PrometheusOptions;
import io.rightsize.cli.report.RecommendationFormat;
import io.rightsize.cli.report.Recommendations;
import io.rightsize.cli.report.UsageRecommendations;
import io.rightsize.client.RightsizeClient;
import io.rightsize.client.mapping.TaskParamsMapper;
import io.rightsize.common.order.ImageProbe;
import io.rightsize.common.order.OrderLimits;
import io.rightsize.common.order.OrderParser;
import io.rightsize.common.order.OrderSpec;
import io.rightsize.common.order.OrderValidationException;
import io.rightsize.common.order.TaskRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Shows the allocation each task of an order file would get, before submitting it; or, from a namespace's usage in
 * Prometheus, what each workload's containers should request, without a running stack.
 */
@Command(name = "recommend", description = {"Show the requests and limits the tasks of an order file would get (the"
        + " predictor answers), or, with --prometheus, those each workload/container of a namespace should get (computed"
        + " here from its usage)."})
public class RecommendCommand implements Callable<Integer> {

    /** What --prometheus recommends with unless told: Rightsize's own, as the VPA recommender defaults to. */
    static final String LOCAL_DEFAULT_RECOMMENDER = "rightsize";

    @Mixin
    EndpointOptions endpointOptions;

    @Parameters(paramLabel = "ORDER.json", arity = "0..1", description = "The order to ask the predictor about;"
            + " not with --prometheus.")
    Path file;

    @ArgGroup(exclusive = false)
    PrometheusOptions prometheus;

    @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "FORMAT", description = {"table, json,"
            + " yaml, csv, or patch: a strategic-merge patch per service (a Deployment and container of its name) for"
            + " kustomize; requests and limits as Kubernetes quantities (default: ${DEFAULT-VALUE})."})
    RecommendationFormat output;

    @Option(names = "--recommender", paramLabel = "NAME", description = {"For an order: one the predictor serves"
            + " (./rightsize model lists them; default: the predictor's). With --prometheus: one of seed-max, vpa,"
            + " vpa-simple, krr, krr-simple, rightsize (default: " + LOCAL_DEFAULT_RECOMMENDER + ")."})
    String recommender;

    @Override
    public Integer call() throws Exception {
        if (prometheus != null) {
            if (file != null) {
                System.err.println("give ORDER.json (the predictor recommends for its tasks) or --prometheus (recommended"
                        + " here from the namespace's usage), not both");
                return 2;
            }
            return fromPrometheus();
        }
        if (file == null) {
            System.err.println("recommend needs ORDER.json, or --prometheus URL --namespace NS to recommend from a"
                    + " namespace's usage");
            return 2;
        }
        OrderSpec spec;
        try {
            spec = new OrderParser(OrderLimits.DEFAULT_MAX_JSON_BYTES).parse(Files.readString(file));
        } catch (OrderValidationException e) {
            System.err.println(file + ": " + e.getMessage());
            return 2;
        }
        RecommendRequest.Builder request = RecommendRequest.newBuilder()
                .addAllServices(spec.tasks().stream().map(TaskRequest::name).toList())
                .addAllTaskParams(spec.tasks().stream().map(t -> TaskParamsMapper.toProto(t.params())).toList());
        if (recommender != null) {
            request.setRecommender(recommender);
        }
        // The first task reads the order's image, whose size is known now; the later tasks' inputs are not yet.
        if (!spec.image().isBlank()) {
            ImageProbe.pixels(file.toAbsolutePath().getParent().resolve(spec.image()))
                    .ifPresent(request::addInputPixels);
        }
        try (RightsizeClient client = new RightsizeClient(endpointOptions.endpoints())) {
            RecommendResponse response = client.predictor().recommend(request.build());
            System.out.print(output.render(Recommendations.of(response)));
            return 0;
        } catch (StatusRuntimeException e) {
            System.err.println(StackService.PREDICTOR.explain(e, endpointOptions.endpoints()));
            return 1;
        }
    }

    private int fromPrometheus() {
        String name = recommender == null ? LOCAL_DEFAULT_RECOMMENDER : recommender;
        Optional<Recommender> chosen = Recommenders.byName(name);
        if (chosen.isEmpty()) {
            System.err.println("no recommender '" + name + "'; with --prometheus: " + Recommenders.all().stream()
                    .map(Recommender::name).collect(Collectors.joining(", ")));
            return 2;
        }
        List<Series> series;
        try {
            series = prometheus.read(prometheus.range(Instant.now()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (PrometheusException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        System.out.print(output.render(UsageRecommendations.of(chosen.get(), series)));
        return 0;
    }
}
