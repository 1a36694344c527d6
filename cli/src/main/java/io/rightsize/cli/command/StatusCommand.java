package io.rightsize.cli.command;

import io.grpc.StatusRuntimeException;
import io.rightsize.api.v1.CapacityStatus;
import io.rightsize.api.v1.GetCapacityRequest;
import io.rightsize.api.v1.GetOrderRequest;
import io.rightsize.api.v1.ListOrdersRequest;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.Task;
import io.rightsize.cli.client.EndpointOptions;
import io.rightsize.cli.client.StackService;
import io.rightsize.cli.report.CapacityReport;
import io.rightsize.cli.report.ProtoJson;
import io.rightsize.client.RightsizeClient;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Shows all orders, or one order's tasks. */
@Command(name = "status", description = "List orders with the task capacity, or show one order's tasks.")
public class StatusCommand implements Callable<Integer> {

    @Mixin
    EndpointOptions endpointOptions;

    @Parameters(arity = "0..1", paramLabel = "ID")
    String id;

    @Option(names = "--json", description = "Print the orchestrator's answer as JSON instead of a table.")
    boolean json;

    @Option(names = "--capacity", description = "Show only the task capacity: what tasks may reserve, what the"
            + " running ones reserve and use now, how many wait.")
    boolean capacity;

    @Override
    public Integer call() {
        try (RightsizeClient client = new RightsizeClient(endpointOptions.endpoints())) {
            if (capacity) {
                CapacityStatus now = client.orders().getCapacity(GetCapacityRequest.getDefaultInstance());
                System.out.println(json ? ProtoJson.of(now) : CapacityReport.line(now));
                return 0;
            }
            if (id == null) {
                var answer = client.orders().listOrders(ListOrdersRequest.getDefaultInstance());
                if (json) {
                    System.out.println(ProtoJson.of(answer));
                    return 0;
                }
                var orders = answer.getOrdersList();
                System.out.println(CapacityReport.line(client.orders().getCapacity(
                        GetCapacityRequest.getDefaultInstance())));
                System.out.printf("%-24s %-10s %-7s %s%n", "order", "state", "tasks", "reason");
                for (Order order : orders) {
                    long done = order.getTasksList().stream().filter(t -> t.getState().name().endsWith("SUCCEEDED"))
                            .count();
                    System.out.printf("%-24s %-10s %-7s %s%n", order.getId(), state(order.getState().name()),
                            done + "/" + order.getTasksCount(), order.getReason());
                }
            } else {
                Order order = client.orders().getOrder(GetOrderRequest.newBuilder().setId(id).build());
                if (json) {
                    System.out.println(ProtoJson.of(order));
                    return 0;
                }
                System.out.println(order.getId() + " " + state(order.getState().name()) + " " + order.getReason());
                for (Task task : order.getTasksList()) {
                    System.out.printf(Locale.ROOT, "  %d %-10s %-10s %6.1f s  pid %-7d %s%n", task.getPosition(),
                            task.getService(), state(task.getState().name()), task.getDurationSeconds(),
                            task.getPid(), task.getReason().isEmpty() ? task.getOutputImage() : task.getReason());
                }
            }
            return 0;
        } catch (StatusRuntimeException e) {
            System.err.println(StackService.ORCHESTRATOR.explain(e, endpointOptions.endpoints()));
            return 1;
        }
    }

    private static String state(String protoName) {
        return protoName.replace("ORDER_", "").replace("TASK_", "");
    }
}
