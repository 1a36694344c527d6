package io.rightsize.fx.viewmodel;

import io.rightsize.client.Endpoints;
import io.rightsize.fx.model.Component;
import io.rightsize.fx.service.RightsizeGateway;
import io.rightsize.fx.service.SettingsStore;
import io.rightsize.fx.service.StackRunner;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Starting and stopping the embedded stack, or connecting to running endpoints (remembered between runs). The
 * current connection is {@link #gateway()}: null while disconnected.
 */
public final class ConnectionViewModel {

    private final StackRunner stack;
    private final SettingsStore settings;
    private final ExecutorService executor;

    private final StringProperty orchestrator = new SimpleStringProperty();
    private final StringProperty monitorConsumer = new SimpleStringProperty();
    private final StringProperty predictor = new SimpleStringProperty();
    private final ObservableList<Component> components = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("not connected");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty stackRunning = new SimpleBooleanProperty();
    private final ObjectProperty<RightsizeGateway> gateway = new SimpleObjectProperty<>();

    public ConnectionViewModel(StackRunner stack, SettingsStore settings, ExecutorService executor) {
        this.stack = stack;
        this.settings = settings;
        this.executor = executor;
        show(settings.load());
    }

    public StringProperty orchestratorProperty() {
        return orchestrator;
    }

    public StringProperty monitorConsumerProperty() {
        return monitorConsumer;
    }

    public StringProperty predictorProperty() {
        return predictor;
    }

    public ObservableList<Component> components() {
        return components;
    }

    public ObservableList<String> log() {
        return log;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty stackRunningProperty() {
        return stackRunning;
    }

    public ReadOnlyObjectProperty<RightsizeGateway> gateway() {
        return gateway;
    }

    /** Starts a fresh embedded stack, then connects to its services. */
    public void startStack() {
        disconnect();
        busy.set(true);
        stackRunning.set(true);
        status.set("starting the embedded stack...");
        executor.execute(() -> {
            try {
                Endpoints endpoints = stack.start((line, now) -> Platform.runLater(() -> {
                    log.add(line);
                    components.setAll(now);
                }));
                Platform.runLater(() -> show(endpoints));
                connectNow(endpoints);
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    stackRunning.set(false);
                    busy.set(false);
                    status.set("the stack did not start: " + e.getMessage());
                });
            }
        });
    }

    /** Disconnects and stops the embedded stack, services first. */
    public void stopStack() {
        disconnect();
        busy.set(true);
        status.set("stopping the embedded stack...");
        executor.execute(() -> {
            List<Component> stopped = stack.stop();
            Platform.runLater(() -> {
                components.setAll(stopped);
                log.add("the stack is stopped");
                stackRunning.set(false);
                busy.set(false);
                status.set("not connected");
            });
        });
    }

    /** Connects to the endpoints in the fields, e.g. a cluster's. */
    public void connect() {
        disconnect();
        busy.set(true);
        Endpoints endpoints = new Endpoints(orchestrator.get().strip(), monitorConsumer.get().strip(),
                predictor.get().strip());
        status.set("connecting to " + endpoints.orchestrator() + "...");
        executor.execute(() -> connectNow(endpoints));
    }

    public void disconnect() {
        RightsizeGateway current = gateway.get();
        if (current != null) {
            gateway.set(null);
            status.set("not connected");
            executor.execute(current::close);
        }
    }

    /** On exit: closes the connection and stops a stack this window started (blocks until it is down). */
    public void shutdown() {
        RightsizeGateway current = gateway.get();
        if (current != null) {
            current.close();
        }
        stack.stop();
    }

    private void connectNow(Endpoints endpoints) {
        RightsizeGateway candidate = new RightsizeGateway(endpoints);
        try {
            candidate.listOrders(1);
        } catch (RuntimeException e) {
            candidate.close();
            Platform.runLater(() -> {
                busy.set(false);
                status.set("cannot reach " + endpoints.orchestrator() + ": " + RightsizeGateway.describe(e));
            });
            return;
        }
        try {
            settings.save(endpoints);
        } catch (RuntimeException e) {
            Platform.runLater(() -> log.add(e.getMessage()));
        }
        Platform.runLater(() -> {
            gateway.set(candidate);
            busy.set(false);
            status.set("connected to " + endpoints.orchestrator());
        });
    }

    private void show(Endpoints endpoints) {
        orchestrator.set(endpoints.orchestrator());
        monitorConsumer.set(endpoints.monitorConsumer());
        predictor.set(endpoints.predictor());
    }
}
