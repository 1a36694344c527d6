package io.rightsize.common.order;

import java.util.Map;

/** A task as the user asked for it: a catalog name and the parameters given (defaults not yet applied). */
public record TaskRequest(String name, Map<String, Double> params) {
    public TaskRequest {
        params = Map.copyOf(params);
    }
}
