package io.rightsize.cli.command;

import io.grpc.StatusRuntimeException;
import io.rightsize.api.v1.GetModelRequest;
import io.rightsize.cli.client.EndpointOptions;
import io.rightsize.cli.client.StackService;
import io.rightsize.cli.report.ModelSummary;
import io.rightsize.client.RightsizeClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Shows the predictor's model in use. */
@Command(name = "model", description = "Show the predictor's model: algorithm, errors, backtest.")
public class ModelCommand implements Callable<Integer> {

    @Mixin
    EndpointOptions endpointOptions;

    @Override
    public Integer call() {
        try (RightsizeClient client = new RightsizeClient(endpointOptions.endpoints())) {
            ModelSummary.print(client.predictor().getModel(GetModelRequest.getDefaultInstance()), System.out);
            return 0;
        } catch (StatusRuntimeException e) {
            System.err.println(StackService.PREDICTOR.explain(e, endpointOptions.endpoints()));
            return 1;
        }
    }
}
