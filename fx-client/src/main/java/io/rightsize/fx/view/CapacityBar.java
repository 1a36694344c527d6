package io.rightsize.fx.view;

import io.rightsize.fx.model.CapacityGauge;
import javafx.scene.layout.Region;

/**
 * One resource of the task capacity as a bar: what the running tasks reserve filled light, what they use now as a
 * dark band across it, so tasks using more or less than they asked for stand out as they do on the usage charts.
 */
final class CapacityBar extends Region {

    private static final double HEIGHT = 16;

    private final Region reserved = new Region();
    private final Region used = new Region();
    private CapacityGauge gauge;

    CapacityBar(String id) {
        setId(id);
        setPrefSize(280, HEIGHT);
        setMinSize(120, HEIGHT);
        setMaxHeight(HEIGHT);
        setStyle("-fx-background-color: #eeeeee; -fx-border-color: #b0b0b0;");
        reserved.setStyle("-fx-background-color: #aec7e8;");
        used.setStyle("-fx-background-color: #1f77b4;");
        getChildren().addAll(reserved, used);
    }

    void show(CapacityGauge next) {
        gauge = next;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        double reservedFraction = gauge == null ? 0 : gauge.reservedFraction();
        reserved.resizeRelocate(0, 0, width * reservedFraction, height);
        boolean measured = gauge != null && gauge.usedFraction().isPresent();
        used.setVisible(measured);
        if (measured) {
            used.resizeRelocate(0, height / 3, width * gauge.usedFraction().getAsDouble(), height / 3);
        }
    }
}
