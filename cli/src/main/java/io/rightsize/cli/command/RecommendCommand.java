package io.rightsize.cli.command;

import io.grpc.StatusRuntimeException;
import io.rightsize.api.v1.RecommendRequest;
import io.rightsize.api.v1.RecommendResponse;
import io.rightsize.cli.client.EndpointOptions;
import io.rightsize.cli.client.StackService;
import io.rightsize.cli.report.RecommendationFormat;
import io.rightsize.cli.report.Recommendations;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Shows the allocation each task of an order file would get, before submitting it. */
@Command(name = "recommend", description = "Show the requests and limits the tasks of an order file would get.")
public class RecommendCommand implements Callable<Integer> {

    @Mixin
    EndpointOptions endpointOptions;

    @Parameters(paramLabel = "ORDER.json")
    Path file;

    @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "FORMAT", description = {"table, json,"
            + " yaml, csv, or patch: a strategic-merge patch per service (a Deployment and container of its name) for"
            + " kustomize; requests and limits as Kubernetes quantities (default: ${DEFAULT-VALUE})."})
    RecommendationFormat output;

    @Option(names = "--recommender", description = "One the predictor serves (./rightsize model lists them; default: the"
            + " predictor's).")
    String recommender;

    @Override
    public Integer call() throws Exception {
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
}
