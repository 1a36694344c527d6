package io.rightsize.fx.view;

import io.rightsize.api.v1.Allocation;
import io.rightsize.api.v1.Task;
import io.rightsize.fx.model.Metric;
import io.rightsize.fx.model.UsagePoint;
import io.rightsize.fx.viewmodel.TaskRow;
import io.rightsize.fx.viewmodel.TaskText;
import io.rightsize.fx.viewmodel.UsageViewModel;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The selected task's usage, one chart per resource, redrawn each second. CPU and memory charts also draw the
 * task's request and limit as flat lines, so usage above the limit or far below the request stands out; the CPU
 * chart adds the time the limit held the task back (as millicores) when the task was throttled.
 */
public final class UsageView extends VBox {

    private static final double MIB = 1024.0 * 1024.0;

    private final UsageViewModel model;
    private final Label title = new Label("Select a task to plot its usage");
    private final Label reason = new Label();
    private final VBox charts = new VBox(6);
    private final LineChart<Number, Number> cpu = chart("cpuChart", "CPU (m)", true);
    private final LineChart<Number, Number> memory = chart("memoryChart", "memory (MiB)", true);
    private final LineChart<Number, Number> disk = chart("diskChart", "disk (KiB/s)", false);

    public UsageView(UsageViewModel model) {
        this.model = model;
        setSpacing(6);
        setPadding(new Insets(10));
        title.setId("usageTitle");
        title.setStyle("-fx-font-weight: bold");
        Button save = new Button("Save charts as PNG...");
        save.setId("saveCharts");
        save.setOnAction(e -> save());
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        Label stored = new Label();
        stored.setId("storedStats");
        stored.setWrapText(true);
        stored.setMinHeight(Region.USE_PREF_SIZE);
        stored.textProperty().bind(model.storedStatsProperty());
        for (LineChart<Number, Number> chart : List.of(cpu, memory, disk)) {
            VBox.setVgrow(chart, Priority.ALWAYS);
            charts.getChildren().add(chart);
        }
        VBox.setVgrow(charts, Priority.ALWAYS);
        reason.setId("taskReason");
        reason.setWrapText(true);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        reason.setStyle("-fx-text-fill: #a05a00");
        reason.managedProperty().bind(reason.textProperty().isNotEmpty());
        getChildren().addAll(new HBox(12, title, save), reason, stored, charts, message);

        InvalidationListener redraw = obs -> redraw();
        model.revisionProperty().addListener(redraw);
        model.selectedTaskProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.taskProperty().removeListener(redraw);
            }
            if (now != null) {
                now.taskProperty().addListener(redraw);
            }
            redraw();
        });
    }

    private void redraw() {
        TaskRow row = model.selectedTaskProperty().get();
        if (row == null) {
            title.setText("Select a task to plot its usage");
            reason.setText("");
            for (LineChart<Number, Number> chart : List.of(cpu, memory, disk)) {
                chart.getData().clear();
            }
            return;
        }
        Task task = row.task();
        title.setText(task.getService() + " (task " + task.getPosition() + " of " + row.orderId() + ", "
                + TaskText.state(task) + ")");
        reason.setText(TaskText.reason(task));
        List<UsagePoint> cpuPoints = model.points(task.getId(), Metric.CPU);
        List<UsagePoint> memoryPoints = model.points(task.getId(), Metric.MEMORY);
        Allocation allocation = task.getAllocation();
        boolean allocated = task.hasAllocation();
        List<XYChart.Series<Number, Number>> cpuSeries = new ArrayList<>(List.of(
                series("usage", cpuPoints),
                level("request", allocated, allocation.getCpuRequestMillicores(), cpuPoints),
                level("limit", allocated, allocation.getCpuLimitMillicores(), cpuPoints)));
        List<UsagePoint> throttledPoints = model.points(task.getId(), Metric.CPU_THROTTLED);
        if (!throttledPoints.isEmpty()) {
            cpuSeries.add(series("throttled (m held back)", throttledPoints));
        }
        cpu.getData().setAll(cpuSeries);
        memory.getData().setAll(List.of(
                series("usage", memoryPoints),
                level("request", allocated, allocation.getMemoryRequestBytes() / MIB, memoryPoints),
                level("limit", allocated, allocation.getMemoryLimitBytes() / MIB, memoryPoints)));
        disk.getData().setAll(List.of(
                series("read", model.points(task.getId(), Metric.DISK_READ)),
                series("write", model.points(task.getId(), Metric.DISK_WRITE))));
    }

    private static XYChart.Series<Number, Number> series(String name, List<UsagePoint> points) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (UsagePoint point : points) {
            series.getData().add(new XYChart.Data<>(point.elapsedSeconds(), point.value()));
        }
        return series;
    }

    /** A flat line at an allocation level across the plotted time (at least one second wide). */
    private static XYChart.Series<Number, Number> level(String name, boolean allocated, double value,
                                                         List<UsagePoint> points) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        if (allocated) {
            double end = points.isEmpty() ? 1 : Math.max(1, points.get(points.size() - 1).elapsedSeconds());
            series.getData().add(new XYChart.Data<>(0, value));
            series.getData().add(new XYChart.Data<>(end, value));
        }
        return series;
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save charts as PNG");
        chooser.setInitialFileName("usage.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            Snapshots.savePng(charts, file.toPath());
        } catch (IOException e) {
            model.messageProperty().set("cannot save " + file + ": " + e.getMessage());
        }
    }

    private static LineChart<Number, Number> chart(String id, String yLabel, boolean withAllocation) {
        NumberAxis x = new NumberAxis();
        x.setLabel("seconds since the task's first sample");
        x.setForceZeroInRange(true);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setMinHeight(160);
        if (withAllocation) {
            chart.getStylesheets().add(UsageView.class.getResource("allocation-chart.css").toExternalForm());
        }
        return chart;
    }
}
