package io.rightsize.cli.command;

import io.grpc.StatusRuntimeException;
import io.rightsize.api.v1.TrainProgress;
import io.rightsize.api.v1.TrainRequest;
import io.rightsize.cli.client.EndpointOptions;
import io.rightsize.cli.client.StackService;
import io.rightsize.cli.report.ModelSummary;
import io.rightsize.client.RightsizeClient;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Trains the predictor on the stored samples, showing progress, then the chosen model. */
@Command(name = "train", description = "Train the predictor on the stored samples and show the chosen model.")
public class TrainCommand implements Callable<Integer> {

    @Mixin
    EndpointOptions endpointOptions;

    @Option(names = "--validation-fraction", defaultValue = "0", description = "Share of latest orders held out (0: the predictor's default).")
    double validationFraction;

    @Override
    public Integer call() {
        try (RightsizeClient client = new RightsizeClient(endpointOptions.endpoints())) {
            TrainProgress last = null;
            var progress = client.predictor().train(TrainRequest.newBuilder()
                    .setValidationFraction(validationFraction).build());
            while (progress.hasNext()) {
                last = progress.next();
                if (!last.getStage().equals("loss")) {
                    System.out.printf(Locale.ROOT, "  [%3.0f%%] %s%n", 100 * last.getFractionDone(),
                            last.getMessage());
                }
            }
            if (last != null && last.hasModel()) {
                ModelSummary.print(last.getModel(), System.out);
            }
            return 0;
        } catch (StatusRuntimeException e) {
            System.err.println("training: " + StackService.PREDICTOR.explain(e, endpointOptions.endpoints()));
            return 1;
        }
    }
}
