package io.rightsize.common.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderValidatorTest {

    @TempDir
    Path root;

    @TempDir
    Path outside;

    private OrderValidator validator;
    private Path image;

    @BeforeEach
    void setUp() throws IOException {
        validator = new OrderValidator(OrderLimits.defaults(List.of(root)));
        image = root.resolve("in.png");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
    }

    @Test
    void resolvesParamsAndARelativeImageAndGeneratesAnId() {
        ValidOrder order = validator.validate(new OrderSpec("", "in.png",
                List.of(new TaskRequest("blur", Map.of("radius", 3.0)))), root);
        assertTrue(order.id().startsWith("order-"));
        assertEquals(image.toAbsolutePath(), order.image().toAbsolutePath());
        assertEquals(3.0, order.tasks().get(0).params().get("radius"));
        assertEquals(40, order.imageInfo().width());
    }

    @Test
    void refusesASymlinkThatLeadsOutOfTheAllowedRoots() throws IOException {
        Path secret = outside.resolve("secret.png");
        Files.copy(image, secret);
        Path link = Files.createSymbolicLink(root.resolve("link.png"), secret);
        assertRefused(new OrderSpec("a", link.toString(), List.of(new TaskRequest("blur", Map.of()))), "image");
    }

    @Test
    void refusesAPathOutsideTheRootsWithoutTellingWhetherItExists() throws IOException {
        Path secret = Files.copy(image, outside.resolve("secret.png"));
        OrderValidationException existing = assertThrows(OrderValidationException.class, () -> validator.validate(
                new OrderSpec("a", secret.toString(), List.of(new TaskRequest("blur", Map.of()))), root));
        OrderValidationException missing = assertThrows(OrderValidationException.class, () -> validator.validate(
                new OrderSpec("a", secret + ".nope", List.of(new TaskRequest("blur", Map.of()))), root));
        assertEquals(existing.getMessage(), missing.getMessage());
    }

    @Test
    void refusesADecompressionBombByItsHeaderBeforeDecoding() throws IOException {
        Path bomb = root.resolve("bomb.png");
        Files.write(bomb, pngHeaderClaiming(100_000, 100_000));
        OrderValidationException e = assertThrows(OrderValidationException.class, () -> validator.validate(
                new OrderSpec("a", bomb.toString(), List.of(new TaskRequest("blur", Map.of()))), root));
        assertEquals("image", e.field());
        assertTrue(e.reason().contains("pixels"), e.reason());
    }

    @Test
    void refusesUnknownTasksAndBadParamsWithThePath() {
        assertRefused(new OrderSpec("a", "in.png", List.of(new TaskRequest("blur", Map.of()),
                new TaskRequest("melt", Map.of()))), "tasks[1].name");
        assertRefused(new OrderSpec("a", "in.png", List.of(new TaskRequest("blur", Map.of("radius", -1.0)))),
                "tasks[0].params.radius");
        assertRefused(new OrderSpec("a", "in.png", List.of()), "tasks");
        assertRefused(new OrderSpec("../x", "in.png", List.of(new TaskRequest("blur", Map.of()))), "id");
        assertRefused(new OrderSpec("a", "", List.of(new TaskRequest("blur", Map.of()))), "image");
    }

    private void assertRefused(OrderSpec spec, String field) {
        OrderValidationException e = assertThrows(OrderValidationException.class, () -> validator.validate(spec, root));
        assertEquals(field, e.field(), e.getMessage());
    }

    /** A PNG signature and IHDR chunk declaring the given size, with no pixel data at all. */
    private static byte[] pngHeaderClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put(new byte[] {'I', 'H', 'D', 'R'}).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
