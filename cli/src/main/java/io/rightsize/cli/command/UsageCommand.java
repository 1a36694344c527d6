package io.rightsize.cli.command;

import io.grpc.StatusRuntimeException;
import io.rightsize.cli.client.EndpointOptions;
import io.rightsize.cli.client.StackService;
import io.rightsize.cli.report.OrderReport;
import io.rightsize.cli.report.OrderReports;
import io.rightsize.cli.report.TaskTable;
import io.rightsize.client.RightsizeClient;
import io.rightsize.common.json.Json;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints an order's per-task usage from the stored samples. */
@Command(name = "usage", description = "Per-task usage table of an order (from the stored samples).")
public class UsageCommand implements Callable<Integer> {

    @Mixin
    EndpointOptions endpointOptions;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--json", description = "Print the order's report as JSON (as in the demo's report.json).")
    boolean json;

    @Override
    public Integer call() {
        try (RightsizeClient client = new RightsizeClient(endpointOptions.endpoints())) {
            OrderReport report = OrderReports.collect(client, id);
            if (json) {
                System.out.println(Json.write(report));
            } else {
                TaskTable.print(List.of(report), System.out);
            }
            return 0;
        } catch (StatusRuntimeException e) {
            System.err.println(StackService.MONITOR_CONSUMER.explain(e, endpointOptions.endpoints()));
            return 1;
        }
    }
}
