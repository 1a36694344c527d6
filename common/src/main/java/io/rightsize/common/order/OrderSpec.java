package io.rightsize.common.order;

import java.util.List;

/** An order as submitted, before validation; {@code id} may be empty (one is generated). */
public record OrderSpec(String id, String image, List<TaskRequest> tasks) {
    public OrderSpec {
        id = id == null ? "" : id;
        image = image == null ? "" : image;
        tasks = List.copyOf(tasks);
    }
}
