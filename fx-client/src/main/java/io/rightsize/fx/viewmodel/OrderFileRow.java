package io.rightsize.fx.viewmodel;

import io.rightsize.fx.model.OrderFileCheck;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A loaded order file: its check, then what happened when it was submitted. */
public final class OrderFileRow {

    private final OrderFileCheck check;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();

    OrderFileRow(OrderFileCheck check) {
        this.check = check;
        status.set(check.isValid() ? "ready" : "invalid: " + check.problem());
    }

    public Path file() {
        return check.file();
    }

    public OrderFileCheck check() {
        return check;
    }

    public boolean canSubmit() {
        return check.isValid() && status.get().equals("ready");
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    void setStatus(String text) {
        status.set(text);
    }
}
