package io.rightsize.fx.view;

import io.rightsize.fx.viewmodel.ClientModel;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The window: a Stack tab (start or connect), an Orders tab (files, orders, tasks beside their charts) and a
 * Predictor tab.
 */
public final class MainView extends BorderPane {

    private final TabPane tabs = new TabPane();
    private final Tab ordersTab;

    public MainView(ClientModel model) {
        StackView stack = new StackView(model.connection(), model.capacity());
        OrdersView orders = new OrdersView(model.orders());
        UsageView usage = new UsageView(model.usage());
        orders.tasksTable().getSelectionModel().selectedItemProperty().addListener(
                (obs, old, now) -> model.usage().selectedTaskProperty().set(now));

        SplitPane split = new SplitPane(orders, usage);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.52);

        Tab predictorTab = new Tab("Predictor", new PredictorView(model.predictor(), model.orders()));
        predictorTab.setId("predictorTab");
        Tab stackTab = new Tab("Stack", stack);
        stackTab.setId("stackTab");
        ordersTab = new Tab("Orders and usage", split);
        ordersTab.setId("ordersTab");
        tabs.getTabs().addAll(stackTab, ordersTab, predictorTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);

        Label status = new Label();
        status.textProperty().bind(model.connection().statusProperty());
        HBox statusBar = new HBox(status);
        statusBar.setStyle("-fx-padding: 4 10 4 10; -fx-background-color: #eeeeee;");
        setBottom(statusBar);
        model.connection().gateway().addListener((obs, old, now) -> {
            if (now != null) {
                tabs.getSelectionModel().select(ordersTab);
            }
        });
    }
}
