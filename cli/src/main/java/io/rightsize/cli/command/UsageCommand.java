package io.rightsize.cli.command;

import io.grpc.StatusRuntimeException;
import io.rightsize.cli.client.EndpointOptions;
import io.rightsize.cli.client.StackService;
import io.rightsize.cli.report.OrderReports;
import io.rightsize.cli.report.TaskTable;
import io.rightsize.client.RightsizeClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Prints an order's per-task usage from the stored samples. */
@Command(name = "usage", description = "Per-task usage table of an order (from the stored samples).")
public class UsageCommand implements Callable<Integer> {

    @Mixin
    EndpointOptions endpointOptions;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        try (RightsizeClient client = new RightsizeClient(endpointOptions.endpoints())) {
            TaskTable.print(List.of(OrderReports.collect(client, id)), System.out);
            return 0;
        } catch (StatusRuntimeException e) {
            System.err.println(StackService.MONITOR_CONSUMER.explain(e, endpointOptions.endpoints()));
            return 1;
        }
    }
}
