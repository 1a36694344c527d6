package io.rightsize.common.order;

/** An order refused before anything starts; {@code field} is a JSON path such as {@code tasks[1].params.radius}. */
public class OrderValidationException extends RuntimeException {

    /** Fields and reasons echo user input; bounded, they fit in a gRPC status (trailers are limited to 8 KiB). */
    private static final int MAX_FIELD_CHARS = 200;
    private static final int MAX_REASON_CHARS = 600;

    private final String field;
    private final String reason;

    public OrderValidationException(String field, String reason) {
        super(abbreviate(field, MAX_FIELD_CHARS) + ": " + abbreviate(reason, MAX_REASON_CHARS));
        this.field = abbreviate(field, MAX_FIELD_CHARS);
        this.reason = abbreviate(reason, MAX_REASON_CHARS);
    }

    private static String abbreviate(String text, int maxChars) {
        String value = String.valueOf(text);
        return value.length() <= maxChars ? value : value.substring(0, maxChars - 1) + "\u2026";
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
