package io.rightsize.cli.command;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.rightsize.api.v1.Order;
import io.rightsize.cli.client.EndpointOptions;
import io.rightsize.cli.client.StackService;
import io.rightsize.client.OrderFiles;
import io.rightsize.client.RightsizeClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Submits order files; prints each accepted order's id, or the field and reason it was refused for. */
@Command(name = "submit", description = "Submit order files to the orchestrator; prints the order ids.")
public class SubmitCommand implements Callable<Integer> {

    @Mixin
    EndpointOptions endpointOptions;

    @Parameters(arity = "1..*", paramLabel = "ORDER.json")
    List<Path> files;

    @Override
    public Integer call() {
        int refused = 0;
        try (RightsizeClient client = new RightsizeClient(endpointOptions.endpoints())) {
            for (Path file : files) {
                try {
                    Order order = client.orders().submitOrder(OrderFiles.request(file));
                    System.out.println(order.getId());
                } catch (StatusRuntimeException e) {
                    if (e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
                        System.err.println(StackService.ORCHESTRATOR.explain(e, endpointOptions.endpoints()));
                        return 1;
                    }
                    refused++;
                    System.err.println(file + ": refused (" + e.getStatus().getCode() + "): "
                            + e.getStatus().getDescription());
                } catch (java.io.UncheckedIOException e) {
                    refused++;
                    System.err.println(e.getMessage());
                }
            }
        }
        return refused == 0 ? 0 : 2;
    }
}
