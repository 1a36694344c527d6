package io.rightsize.common.order;

import java.nio.file.Path;
import java.util.List;

/**
 * Bounds that keep one order from exhausting the system: size of the JSON, of the id, of the task list,
 * and of the image; and the directories images may come from.
 */
public record OrderLimits(int maxJsonBytes, int maxIdLength, int maxTasks, long maxImageBytes, long maxImagePixels,
                          List<Path> allowedRoots) {

    public static final int DEFAULT_MAX_JSON_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_ID_LENGTH = 64;
    public static final int DEFAULT_MAX_TASKS = 32;
    public static final long DEFAULT_MAX_IMAGE_BYTES = 64L * 1024 * 1024;
    public static final long DEFAULT_MAX_IMAGE_PIXELS = 50_000_000L;

    public OrderLimits {
        allowedRoots = List.copyOf(allowedRoots);
    }

    public static OrderLimits defaults(List<Path> allowedRoots) {
        return new OrderLimits(DEFAULT_MAX_JSON_BYTES, DEFAULT_MAX_ID_LENGTH, DEFAULT_MAX_TASKS,
                DEFAULT_MAX_IMAGE_BYTES, DEFAULT_MAX_IMAGE_PIXELS, allowedRoots);
    }
}
