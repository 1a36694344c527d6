package io.rightsize.fx.view;

import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.Task;
import io.rightsize.api.v1.TaskState;
import io.rightsize.fx.viewmodel.OrderFileRow;
import io.rightsize.fx.viewmodel.OrderRow;
import io.rightsize.fx.viewmodel.OrdersViewModel;
import io.rightsize.fx.viewmodel.TaskRow;
import io.rightsize.fx.viewmodel.TaskText;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;

/**
 * Order files (chooser or drag and drop) with their check, the orders table and the selected order's tasks (a
 * waiting task with what it needs, out-of-memory ends and CPU throttling).
 */
public final class OrdersView extends VBox {

    /** Room beside a header's text for the column's padding and sort arrow. */
    private static final double HEADER_PADDING = 24;

    private final TableView<TaskRow> tasks = new TableView<>();

    public OrdersView(OrdersViewModel model) {
        setSpacing(8);
        setPadding(new Insets(10));

        Button load = new Button("Load orders...");
        load.setId("loadOrders");
        load.setOnAction(e -> choose(model));
        Button submit = new Button("Submit ready orders");
        submit.setId("submitOrders");
        submit.setOnAction(e -> model.submitReady());
        Label message = new Label();
        message.setId("ordersMessage");
        message.textProperty().bind(model.messageProperty());
        HBox fileBar = new HBox(8, load, submit, message);

        TableView<OrderFileRow> files = new TableView<>(model.files());
        files.setId("orderFiles");
        files.setPlaceholder(new Label("Drop order files (.json) here or use Load orders..."));
        TableColumn<OrderFileRow, String> fileName = new TableColumn<>("file");
        fileName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().file().getFileName().toString()));
        fileName.setPrefWidth(170);
        TableColumn<OrderFileRow, String> fileStatus = new TableColumn<>("check / submission");
        fileStatus.setCellValueFactory(c -> c.getValue().statusProperty());
        fileStatus.setPrefWidth(420);
        files.getColumns().add(fileName);
        files.getColumns().add(fileStatus);
        files.setPrefHeight(130);
        files.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        files.setOnDragDropped(e -> {
            Dragboard board = e.getDragboard();
            if (board.hasFiles()) {
                model.load(board.getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(board.hasFiles());
            e.consume();
        });

        TableView<OrderRow> orders = new TableView<>(model.orders());
        orders.setId("orders");
        orders.setPlaceholder(new Label("No orders yet"));
        orders.getColumns().add(orderColumn("order", Order::getId, 160));
        orders.getColumns().add(orderColumn("state", o -> o.getState().name().replace("ORDER_", ""), 100));
        orders.getColumns().add(orderColumn("tasks done", OrdersView::progress, 110));
        orders.getColumns().add(orderColumn("reason", Order::getReason, 230));
        orders.setPrefHeight(150);
        Button cancel = new Button("Cancel order");
        cancel.setId("cancelOrder");
        cancel.disableProperty().bind(orders.getSelectionModel().selectedItemProperty().isNull());
        cancel.setOnAction(e -> model.cancel(orders.getSelectionModel().getSelectedItem()));

        tasks.setId("tasks");
        tasks.setPlaceholder(new Label("Select an order to see its tasks"));
        tasks.getColumns().add(taskColumn("#", t -> Integer.toString(t.getPosition()), 28));
        tasks.getColumns().add(taskColumn("service", Task::getService, 75));
        tasks.getColumns().add(taskColumn("state", TaskText::state, 150));
        tasks.getColumns().add(taskColumn("seconds", t -> t.getDurationSeconds() > 0
                ? String.format(Locale.ROOT, "%.1f", t.getDurationSeconds()) : "", 62));
        tasks.getColumns().add(taskColumn("attempts", TaskText::attempts, 80));
        tasks.getColumns().add(taskColumn("CPU m req/limit", t -> t.hasAllocation()
                ? t.getAllocation().getCpuRequestMillicores() + " / " + t.getAllocation().getCpuLimitMillicores()
                : "", 112));
        tasks.getColumns().add(taskColumn("memory MiB req/limit", t -> t.hasAllocation()
                ? mib(t.getAllocation().getMemoryRequestBytes()) + " / " + mib(t.getAllocation().getMemoryLimitBytes())
                : "", 138));
        tasks.getColumns().add(taskColumn("peak MiB", TaskText::peakMiB, 72));
        tasks.getColumns().add(taskColumn("peak/limit", TaskText::peakOverLimit, 76));
        tasks.getColumns().add(taskColumn("memory", TaskText::overRequest, 100));
        tasks.getColumns().add(taskColumn("throttled s", TaskText::throttledSeconds, 80));
        tasks.getColumns().add(taskColumn("allocated by", t -> t.hasAllocation() ? t.getAllocation().getSource() : "",
                110));
        tasks.getColumns().add(taskColumn("reason", TaskText::reason, 320));
        orders.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                tasks.setItems(now == null ? null : now.tasks()));
        VBox.setVgrow(tasks, Priority.ALWAYS);

        getChildren().addAll(fileBar, files, new HBox(8, new Label("Orders"), cancel), orders,
                new Label("Tasks (select one to plot it)"), tasks);
    }

    public TableView<TaskRow> tasksTable() {
        return tasks;
    }

    private void choose(OrdersViewModel model) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load order files");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Orders (*.json)", "*.json"));
        List<File> chosen = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (chosen != null) {
            model.load(chosen.stream().map(File::toPath).toList());
        }
    }

    private static String progress(Order order) {
        long done = order.getTasksList().stream().filter(t -> t.getState() == TaskState.TASK_SUCCEEDED).count();
        long waiting = order.getTasksList().stream().filter(t -> t.getState() == TaskState.TASK_WAITING).count();
        return done + "/" + order.getTasksCount() + (waiting > 0 ? ", " + waiting + " waiting" : "");
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static TableColumn<OrderRow, String> orderColumn(String title, Function<Order, String> value,
                                                             double width) {
        TableColumn<OrderRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> value.apply(cell.getValue().orderProperty().get()), cell.getValue().orderProperty()));
        readableHeader(column, width);
        return column;
    }

    /** Never narrower than its header, so no title is cut ("seco..."); the table scrolls sideways instead. */
    private static void readableHeader(TableColumn<?, ?> column, double width) {
        double header = new Text(column.getText()).getLayoutBounds().getWidth() + HEADER_PADDING;
        column.setMinWidth(header);
        column.setPrefWidth(Math.max(width, header));
    }

    private static TableColumn<TaskRow, String> taskColumn(String title, Function<Task, String> value,
                                                           double width) {
        TableColumn<TaskRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> value.apply(cell.getValue().taskProperty().get()), cell.getValue().taskProperty()));
        readableHeader(column, width);
        return column;
    }
}
