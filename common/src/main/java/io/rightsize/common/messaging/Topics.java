package io.rightsize.common.messaging;

/** Kafka topic names and keys, shared by the services that produce and consume them. */
public final class Topics {
    public static final String ORCHESTRATOR = "orchestrator";
    public static final String RESOURCES = "resources";
    /** Windows in which a task's samples may be incomplete because its sampler was not running. */
    public static final String SAMPLING_GAPS = "sampling-gaps";
    /** Malformed messages, kept with the reason they were refused, so a bad record never blocks its partition. */
    public static final String RESOURCES_DEAD_LETTERS = "resources-dlq";
    public static final String ORCHESTRATOR_DEAD_LETTERS = "orchestrator-dlq";

    private Topics() {
    }

    public static String taskKey(String orderId, long taskId) {
        return orderId + "/" + taskId;
    }
}
