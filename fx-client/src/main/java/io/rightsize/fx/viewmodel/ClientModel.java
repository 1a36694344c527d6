package io.rightsize.fx.viewmodel;

import io.rightsize.devstack.StackConfig;
import io.rightsize.fx.service.SettingsStore;
import io.rightsize.fx.service.StackRunner;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import javafx.application.Platform;

/** The client's view-models over one background executor; create and use on the FX thread. */
public final class ClientModel {

    private final ExecutorService executor = Background.newExecutor();
    private final ConnectionViewModel connection;
    private final OrdersViewModel orders;
    private final UsageViewModel usage;
    private final PredictorViewModel predictor;
    private final CapacityViewModel capacity;

    public ClientModel(Supplier<StackConfig> stackConfigs, SettingsStore settings) {
        this.connection = new ConnectionViewModel(new StackRunner(stackConfigs), settings, executor);
        this.orders = new OrdersViewModel(connection.gateway(), executor);
        this.usage = new UsageViewModel(connection.gateway(), executor);
        this.predictor = new PredictorViewModel(connection.gateway(), executor);
        this.capacity = new CapacityViewModel(connection.gateway(), executor);
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public OrdersViewModel orders() {
        return orders;
    }

    public UsageViewModel usage() {
        return usage;
    }

    public PredictorViewModel predictor() {
        return predictor;
    }

    public CapacityViewModel capacity() {
        return capacity;
    }

    /** Stops the live streams, closes the connection and stops a stack the window started; blocks. */
    public void shutdown() {
        if (Platform.isFxApplicationThread()) {
            usage.stop();
            capacity.stop();
            orders.stop();
        } else {
            Platform.runLater(() -> {
                usage.stop();
                capacity.stop();
                orders.stop();
            });
        }
        connection.shutdown();
        executor.shutdownNow();
    }
}
