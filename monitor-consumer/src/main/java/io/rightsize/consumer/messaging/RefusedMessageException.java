package io.rightsize.consumer.messaging;

/** A message PostgreSQL refused; its message is the dead-letter reason the connector puts in the header. */
public class RefusedMessageException extends RuntimeException {
    public RefusedMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
