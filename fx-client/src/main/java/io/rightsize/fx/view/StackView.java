package io.rightsize.fx.view;

import io.rightsize.fx.model.Component;
import io.rightsize.fx.viewmodel.CapacityViewModel;
import io.rightsize.fx.viewmodel.ConnectionViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Start or stop the embedded stack, or connect to running endpoints; each component's state and endpoint, and the
 * connected orchestrator's task capacity.
 */
public final class StackView extends VBox {

    public StackView(ConnectionViewModel model, CapacityViewModel capacity) {
        setSpacing(10);
        setPadding(new Insets(12));

        Button start = new Button("Start embedded stack");
        start.setId("startStack");
        start.disableProperty().bind(model.busyProperty().or(model.stackRunningProperty()));
        start.setOnAction(e -> model.startStack());
        Button stop = new Button("Stop stack");
        stop.setId("stopStack");
        stop.disableProperty().bind(model.busyProperty().or(model.stackRunningProperty().not()));
        stop.setOnAction(e -> model.stopStack());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(model.busyProperty());
        Label status = new Label();
        status.setId("connectionStatus");
        status.textProperty().bind(model.statusProperty());
        HBox stackBar = new HBox(8, start, stop, progress, status);

        GridPane endpoints = new GridPane();
        endpoints.setHgap(8);
        endpoints.setVgap(6);
        endpoints.addRow(0, new Label("orchestrator"), field("orchestrator", model.orchestratorProperty()));
        endpoints.addRow(1, new Label("monitor-consumer"), field("monitorConsumer", model.monitorConsumerProperty()));
        endpoints.addRow(2, new Label("predictor"), field("predictor", model.predictorProperty()));
        Button connect = new Button("Connect");
        connect.setId("connect");
        connect.disableProperty().bind(model.busyProperty());
        connect.setOnAction(e -> model.connect());
        endpoints.add(connect, 1, 3);

        TableView<Component> components = new TableView<>(model.components());
        components.setId("components");
        components.getColumns().add(column("component", Component::name, 180));
        components.getColumns().add(column("endpoint", Component::endpoint, 320));
        components.getColumns().add(column("state", c -> c.state().name(), 120));
        components.setPrefHeight(200);

        ListView<String> log = new ListView<>(model.log());
        log.setId("stackLog");
        VBox.setVgrow(log, Priority.ALWAYS);
        Bindings.size(model.log()).addListener((obs, old, now) -> log.scrollTo(now.intValue() - 1));

        getChildren().addAll(new Label("Embedded stack (Kafka, PostgreSQL and the services on this machine)"),
                stackBar, components, new Label("Or connect to running services (remembered for the next run)"),
                endpoints, new CapacityPane(capacity), log);
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(28);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static TableColumn<Component, String> column(String title,
                                                         java.util.function.Function<Component, String> value,
                                                         double width) {
        TableColumn<Component, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
