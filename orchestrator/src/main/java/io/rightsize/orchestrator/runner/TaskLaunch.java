package io.rightsize.orchestrator.runner;

import io.rightsize.common.messaging.Allocation;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a runner needs to start one task: what to run, on which files, with which resources; {@code attempt}
 * counts from 1 and tells an out-of-memory retry from the first run.
 */
public record TaskLaunch(String orderId, long taskId, int position, String service, Map<String, Double> params,
                         Path input, Path output, Path logFile, Allocation allocation, int attempt) {
    public TaskLaunch {
        params = Map.copyOf(params);
    }
}
