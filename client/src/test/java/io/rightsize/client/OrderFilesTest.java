package io.rightsize.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.api.v1.SubmitOrderRequest;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An order file becomes a SubmitOrder request whose image path the orchestrator resolves against the file's folder. */
class OrderFilesTest {

    @Test
    void sendsTheFileAsWrittenWithItsFolderAsBase(@TempDir Path dir) throws Exception {
        String json = "{\"id\": \"o-1\", \"image\": \"in/city.jpg\", \"tasks\": [{\"name\": \"grayscale\"}]}";
        Path file = Files.writeString(Files.createDirectories(dir.resolve("orders")).resolve("o-1.json"), json);

        SubmitOrderRequest request = OrderFiles.request(dir.resolve("orders/../orders/o-1.json"));

        assertEquals(json, request.getOrderJson());
        assertEquals(file.getParent().toAbsolutePath().normalize().toString(), request.getBaseDir());
    }

    @Test
    void namesTheFileItCannotRead(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> OrderFiles.request(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
