package io.rightsize.common.json;

/** A message that is not valid JSON for its type: logged and skipped, never retried forever. */
public class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
