package io.rightsize.fx.viewmodel;

import io.rightsize.api.v1.Task;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One task of an order: state, timing and allocation, updated in place so selections survive updates. */
public final class TaskRow {

    private final String orderId;
    private final ReadOnlyObjectWrapper<Task> task = new ReadOnlyObjectWrapper<>();

    TaskRow(String orderId, Task initial) {
        this.orderId = orderId;
        task.set(initial);
    }

    public String orderId() {
        return orderId;
    }

    public ReadOnlyObjectProperty<Task> taskProperty() {
        return task.getReadOnlyProperty();
    }

    public Task task() {
        return task.get();
    }

    void update(Task next) {
        task.set(next);
    }
}
