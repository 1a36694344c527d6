package io.rightsize.fx.view;

import io.rightsize.fx.model.CapacityGauge;
import io.rightsize.fx.model.CapacityReadout;
import io.rightsize.fx.viewmodel.CapacityViewModel;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The task capacity on the Stack tab: running and waiting tasks, a bar per resource (reserved, used now) and where
 * the capacity and its enforcement come from; or why none is shown (not connected, unreachable, admission off).
 */
final class CapacityPane extends VBox {

    private final Label summary = label("capacitySummary");
    private final CapacityBar cpuBar = new CapacityBar("capacityCpuBar");
    private final Label cpuText = label("capacityCpu");
    private final CapacityBar memoryBar = new CapacityBar("capacityMemoryBar");
    private final Label memoryText = label("capacityMemory");
    private final Label basis = label("capacityBasis");
    private final Label enforcement = label("capacityEnforcement");
    private final List<Node> cpuRow;
    private final List<Node> memoryRow;
    private final List<Node> basisRow;
    private final List<Node> enforcementRow;

    CapacityPane(CapacityViewModel model) {
        setSpacing(6);
        summary.setStyle("-fx-font-weight: bold");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        cpuRow = List.of(new Label("CPU"), cpuBar, cpuText);
        memoryRow = List.of(new Label("memory"), memoryBar, memoryText);
        basisRow = List.of(new Label("capacity from"), basis);
        enforcementRow = List.of(new Label("enforced by"), enforcement);
        grid.addRow(0, cpuRow.toArray(Node[]::new));
        grid.addRow(1, memoryRow.toArray(Node[]::new));
        grid.addRow(2, basisRow.toArray(Node[]::new));
        GridPane.setColumnSpan(basis, 2);
        grid.addRow(3, enforcementRow.toArray(Node[]::new));
        GridPane.setColumnSpan(enforcement, 2);
        getChildren().addAll(new Label("Task capacity: what local tasks may reserve together (bar: light reserved by"
                + " the running tasks' requests, dark used now)"), summary, grid);
        model.readoutProperty().addListener((obs, old, now) -> show(now));
        show(model.readoutProperty().get());
    }

    private void show(CapacityReadout readout) {
        summary.setText(readout.summary());
        show(cpuRow, cpuBar, cpuText, readout.cpu());
        show(memoryRow, memoryBar, memoryText, readout.memory());
        basis.setText(readout.basis());
        enforcement.setText(readout.enforcement());
        shown(basisRow, !readout.basis().isEmpty());
        shown(enforcementRow, !readout.enforcement().isEmpty());
    }

    private static void show(List<Node> row, CapacityBar bar, Label text, Optional<CapacityGauge> gauge) {
        shown(row, gauge.isPresent());
        gauge.ifPresent(g -> {
            bar.show(g);
            text.setText(g.text());
        });
    }

    private static void shown(List<Node> row, boolean visible) {
        for (Node node : row) {
            node.setVisible(visible);
            node.setManaged(visible);
        }
    }

    private static Label label(String id) {
        Label label = new Label();
        label.setId(id);
        return label;
    }
}
