package io.rightsize.common.order;

import java.nio.file.Path;
import java.util.List;

/** An order that may run: its id is set, its image is a readable image inside an allowed root. */
public record ValidOrder(String id, Path image, ImageInfo imageInfo, List<ValidTask> tasks) {
    public ValidOrder {
        tasks = List.copyOf(tasks);
    }
}
