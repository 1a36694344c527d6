package io.rightsize.common.messaging;

/** Kafka topic names and keys, shared by the services that produce and consume them. */
public final class Topics {
    public static final String ORCHESTRATOR = "orchestrator";
    public static final String RESOURCES = "resources";

    private Topics() {
    }

    public static String taskKey(String orderId, long taskId) {
        return orderId + "/" + taskId;
    }
}
