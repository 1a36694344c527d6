package io.rightsize.fx.viewmodel;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.rightsize.fx.model.CapacityReadout;
import io.rightsize.fx.service.RightsizeGateway;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;

/**
 * The orchestrator's task capacity, asked for (GetCapacity) every two seconds while connected, so the Stack tab
 * shows what running tasks reserve and use and how many wait; one call at a time, off the FX thread.
 */
public final class CapacityViewModel {

    static final Duration POLL_INTERVAL = Duration.seconds(2);

    private final ReadOnlyObjectProperty<RightsizeGateway> gateway;
    private final ExecutorService executor;
    private final ReadOnlyObjectWrapper<CapacityReadout> readout =
            new ReadOnlyObjectWrapper<>(CapacityReadout.notConnected());
    private final Timeline poller = new Timeline(new KeyFrame(POLL_INTERVAL, e -> poll()));
    private boolean asking;

    public CapacityViewModel(ReadOnlyObjectProperty<RightsizeGateway> gateway, ExecutorService executor) {
        this.gateway = gateway;
        this.executor = executor;
        poller.setCycleCount(Timeline.INDEFINITE);
        gateway.addListener((obs, old, now) -> follow(now));
        follow(gateway.get());
    }

    public ReadOnlyObjectProperty<CapacityReadout> readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    public void stop() {
        poller.stop();
    }

    private void follow(RightsizeGateway now) {
        if (now == null) {
            poller.stop();
            readout.set(CapacityReadout.notConnected());
            return;
        }
        poll();
        poller.play();
    }

    private void poll() {
        RightsizeGateway current = gateway.get();
        if (current == null || asking) {
            return;
        }
        asking = true;
        try {
            executor.execute(() -> {
                CapacityReadout answer = ask(current);
                Platform.runLater(() -> {
                    asking = false;
                    if (gateway.get() == current) {
                        readout.set(answer);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            // The window is closing: its workers are gone before this timer is.
            poller.stop();
        }
    }

    private static CapacityReadout ask(RightsizeGateway current) {
        String orchestrator = current.endpoints().orchestrator();
        try {
            return CapacityReadout.of(current.capacity());
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode() == Status.Code.UNIMPLEMENTED ? CapacityReadout.unsupported(orchestrator)
                    : CapacityReadout.unreachable(orchestrator, RightsizeGateway.describe(e));
        } catch (RuntimeException e) {
            return CapacityReadout.unreachable(orchestrator, RightsizeGateway.describe(e));
        }
    }
}
