package io.rightsize.cli.report;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;

/** A gRPC answer as protobuf's canonical JSON (lowerCamelCase fields, enums by name), for --json. */
public final class ProtoJson {

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().alwaysPrintFieldsWithNoPresence();

    private ProtoJson() {
    }

    public static String of(MessageOrBuilder message) {
        try {
            return PRINTER.print(message);
        } catch (InvalidProtocolBufferException e) {
            // Only an Any of an unknown type fails here, and the rightsize.v1 messages hold none.
            throw new IllegalStateException("cannot print " + message.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
