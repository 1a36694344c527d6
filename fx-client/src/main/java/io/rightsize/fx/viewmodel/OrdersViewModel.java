package io.rightsize.fx.viewmodel;

import io.grpc.StatusRuntimeException;
import io.rightsize.api.v1.Order;
import io.rightsize.fx.model.OrderFileCheck;
import io.rightsize.fx.service.OrderFileChecker;
import io.rightsize.fx.service.RightsizeGateway;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * Order files (checked offline as they are loaded), submitting them, and every order of the connected
 * orchestrator with its tasks, kept current by WatchOrder; the list is asked for again every few seconds, so orders
 * submitted by any client (the CLI, another window) appear too.
 */
public final class OrdersViewModel {

    private static final int LISTED_ORDERS = 100;
    static final Duration LIST_INTERVAL = Duration.seconds(3);

    private final ExecutorService executor;
    private final ReadOnlyObjectProperty<RightsizeGateway> gateway;
    private final OrderFileChecker checker = new OrderFileChecker();
    private final ObservableList<OrderFileRow> files = FXCollections.observableArrayList();
    private final ObservableList<OrderRow> orders = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final Timeline lister = new Timeline(new KeyFrame(LIST_INTERVAL, e -> relist()));
    private boolean listing;

    public OrdersViewModel(ReadOnlyObjectProperty<RightsizeGateway> gateway, ExecutorService executor) {
        this.gateway = gateway;
        this.executor = executor;
        lister.setCycleCount(Timeline.INDEFINITE);
        gateway.addListener((obs, old, now) -> {
            orders.clear();
            lister.stop();
            if (now != null) {
                refresh(now);
                lister.play();
            }
        });
    }

    /** Stops asking for the order list (the window is closing). */
    public void stop() {
        lister.stop();
    }

    public ObservableList<OrderFileRow> files() {
        return files;
    }

    public ObservableList<OrderRow> orders() {
        return orders;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Checks the files off the FX thread and lists them, each with its field and reason when refused. */
    public void load(List<Path> paths) {
        List<Path> copy = List.copyOf(paths);
        executor.execute(() -> {
            List<OrderFileCheck> checks = copy.stream().map(checker::check).toList();
            Platform.runLater(() -> {
                for (OrderFileCheck check : checks) {
                    files.removeIf(row -> row.file().equals(check.file()));
                    files.add(new OrderFileRow(check));
                }
            });
        });
    }

    /** Submits every loaded file that passed its check and was not submitted yet. */
    public void submitReady() {
        RightsizeGateway current = gateway.get();
        if (current == null) {
            message.set("connect or start the stack first");
            return;
        }
        for (OrderFileRow row : List.copyOf(files)) {
            if (row.canSubmit()) {
                row.setStatus("submitting...");
                executor.execute(() -> submit(current, row));
            }
        }
    }

    public void cancel(OrderRow row) {
        RightsizeGateway current = gateway.get();
        if (current == null || row == null) {
            return;
        }
        executor.execute(() -> {
            try {
                Order cancelled = current.cancel(row.id());
                Platform.runLater(() -> row.update(cancelled));
            } catch (StatusRuntimeException e) {
                Platform.runLater(() -> message.set("cancel " + row.id() + ": " + RightsizeGateway.describe(e)));
            }
        });
    }

    public Optional<OrderRow> find(String orderId) {
        return orders.stream().filter(o -> o.id().equals(orderId)).findFirst();
    }

    private void submit(RightsizeGateway current, OrderFileRow row) {
        try {
            Order order = current.submit(row.file());
            Platform.runLater(() -> {
                row.setStatus("submitted as " + order.getId());
                track(current, order);
            });
        } catch (RuntimeException e) {
            Platform.runLater(() -> row.setStatus("refused: " + RightsizeGateway.describe(e)));
        }
    }

    private void relist() {
        RightsizeGateway current = gateway.get();
        if (current != null && !listing) {
            refresh(current);
        }
    }

    /**
     * Lists the orchestrator's orders and follows each one not shown yet (newest on top); orders already shown are
     * kept current by their own watch. One listing at a time.
     */
    private void refresh(RightsizeGateway current) {
        listing = true;
        executor.execute(() -> {
            try {
                List<Order> listed = current.listOrders(LISTED_ORDERS);
                Platform.runLater(() -> {
                    listing = false;
                    if (gateway.get() != current) {
                        return;
                    }
                    // Listed newest first: added oldest first, each on top.
                    for (int i = listed.size() - 1; i >= 0; i--) {
                        if (find(listed.get(i).getId()).isEmpty()) {
                            track(current, listed.get(i));
                        }
                    }
                });
            } catch (StatusRuntimeException e) {
                Platform.runLater(() -> {
                    listing = false;
                    message.set("list orders: " + RightsizeGateway.describe(e));
                });
            }
        });
    }

    /** Shows the order and, unless it is over, follows it until it is. */
    private void track(RightsizeGateway current, Order order) {
        OrderRow row = find(order.getId()).orElse(null);
        if (row == null) {
            row = new OrderRow(order);
            orders.add(0, row);
        } else {
            row.update(order);
        }
        if (row.isFinished()) {
            return;
        }
        OrderRow followed = row;
        current.watchOrder(order.getId(), next -> Platform.runLater(() -> followed.update(next)), error -> {
            if (error != null && gateway.get() == current) {
                Platform.runLater(() -> message.set("watch " + order.getId() + ": "
                        + RightsizeGateway.describe(error)));
            }
        });
    }
}
