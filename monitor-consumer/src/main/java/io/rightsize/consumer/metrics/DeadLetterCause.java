package io.rightsize.consumer.metrics;

/** Why a sample went to the dead-letter topic; the {@code reason} tag of the dead-letter counter. */
public enum DeadLetterCause {
    /** It did not parse, or parsed to something PostgreSQL cannot store faithfully. */
    MALFORMED,
    /** It parsed, but PostgreSQL refused it (SQLSTATE class 22 or 23). */
    REFUSED;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
