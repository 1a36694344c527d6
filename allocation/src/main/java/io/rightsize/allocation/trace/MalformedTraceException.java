package io.rightsize.allocation.trace;

import java.io.IOException;

/** A trace file that cannot be used, with the line to fix in the message. */
public final class MalformedTraceException extends IOException {

    public MalformedTraceException(String message) {
        super(message);
    }
}
