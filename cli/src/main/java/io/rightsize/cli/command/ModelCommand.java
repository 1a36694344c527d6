package io.rightsize.cli.command;

import io.grpc.StatusRuntimeException;
import io.rightsize.api.v1.GetModelRequest;
import io.rightsize.cli.client.EndpointOptions;
import io.rightsize.cli.client.StackService;
import io.rightsize.cli.report.ModelSummary;
import io.rightsize.cli.report.ProtoJson;
import io.rightsize.client.RightsizeClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shows the predictor's model in use. */
@Command(name = "model", description = "Show the predictor's model: algorithm, errors, backtest.")
public class ModelCommand implements Callable<Integer> {

    @Mixin
    EndpointOptions endpointOptions;

    @Option(names = "--json", description = "Print the predictor's answer as JSON instead of a summary.")
    boolean json;

    @Override
    public Integer call() {
        try (RightsizeClient client = new RightsizeClient(endpointOptions.endpoints())) {
            var model = client.predictor().getModel(GetModelRequest.getDefaultInstance());
            if (json) {
                System.out.println(ProtoJson.of(model));
            } else {
                ModelSummary.print(model, System.out);
            }
            return 0;
        } catch (StatusRuntimeException e) {
            System.err.println(StackService.PREDICTOR.explain(e, endpointOptions.endpoints()));
            return 1;
        }
    }
}
