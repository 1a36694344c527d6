package io.rightsize.orchestrator;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;

/** Writes small deterministic test images into the directory the test configuration allows as input. */
final class TestImages {

    static final Path INPUT_ROOT = Path.of("target", "test-inputs").toAbsolutePath();

    private TestImages() {
    }

    static Path png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + random.nextInt(16)) & 0xff;
                int g = (y * 255 / height + random.nextInt(16)) & 0xff;
                int b = ((x ^ y) & 0xff);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        try {
            Files.createDirectories(INPUT_ROOT);
            Path file = INPUT_ROOT.resolve("img-" + UUID.randomUUID() + ".png");
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(String name, byte[] content) {
        try {
            Files.createDirectories(INPUT_ROOT);
            Path file = INPUT_ROOT.resolve(name);
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
