package io.rightsize.common.order;

/** An order refused before anything starts; {@code field} is a JSON path such as {@code tasks[1].params.radius}. */
public class OrderValidationException extends RuntimeException {
    private final String field;
    private final String reason;

    public OrderValidationException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
