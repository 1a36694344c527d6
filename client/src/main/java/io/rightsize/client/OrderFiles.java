package io.rightsize.client;

import io.rightsize.api.v1.SubmitOrderRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns an order file into a SubmitOrder request; its image path is resolved against the file's directory. */
public final class OrderFiles {

    private OrderFiles() {
    }

    public static SubmitOrderRequest request(Path orderFile) {
        try {
            Path file = orderFile.toAbsolutePath().normalize();
            return SubmitOrderRequest.newBuilder()
                    .setOrderJson(Files.readString(file, StandardCharsets.UTF_8))
                    .setBaseDir(file.getParent().toString())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read order file " + orderFile + ": " + e.getMessage(), e);
        }
    }
}
