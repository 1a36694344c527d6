package io.rightsize.tasks.catalog;

import java.util.Objects;

/** Thrown when an order's parameter cannot be accepted; carries the parameter's name so callers can point at it. */
public final class InvalidParamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String param;
    private final String reason;

    public InvalidParamException(String param, String reason) {
        super("param '" + param + "': " + reason);
        this.param = Objects.requireNonNull(param, "param");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The name of the offending parameter, exactly as given. */
    public String param() {
        return param;
    }

    /** Why the value was refused, without the parameter's name. */
    public String reason() {
        return reason;
    }
}
