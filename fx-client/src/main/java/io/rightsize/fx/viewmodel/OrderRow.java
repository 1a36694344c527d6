package io.rightsize.fx.viewmodel;

import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.Task;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** An order as last reported by the orchestrator, with one row per task kept in place as events arrive. */
public final class OrderRow {

    private final String id;
    private final ReadOnlyObjectWrapper<Order> order = new ReadOnlyObjectWrapper<>();
    private final ObservableList<TaskRow> tasks = FXCollections.observableArrayList();

    OrderRow(Order initial) {
        this.id = initial.getId();
        update(initial);
    }

    public String id() {
        return id;
    }

    public ReadOnlyObjectProperty<Order> orderProperty() {
        return order.getReadOnlyProperty();
    }

    public ObservableList<TaskRow> tasks() {
        return tasks;
    }

    public boolean isFinished() {
        OrderState state = order.get().getState();
        return state == OrderState.ORDER_SUCCEEDED || state == OrderState.ORDER_FAILED
                || state == OrderState.ORDER_CANCELLED;
    }

    void update(Order next) {
        order.set(next);
        for (Task task : next.getTasksList()) {
            TaskRow row = task.getPosition() < tasks.size() ? tasks.get(task.getPosition()) : null;
            if (row == null) {
                tasks.add(new TaskRow(id, task));
            } else {
                row.update(task);
            }
        }
    }
}
