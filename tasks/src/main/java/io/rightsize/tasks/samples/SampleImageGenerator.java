package io.rightsize.tasks.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes the three sample images used by the demo orders; same seed and JDK, same bytes.
 *
 * <p>Usage: {@code java -cp rightsize-tasks.jar io.rightsize.tasks.samples.SampleImageGenerator [OUTPUT_DIR]},
 * default {@code examples/images}.
 */
public final class SampleImageGenerator {

    /** Fixed so regenerating the samples reproduces them. */
    static final long SEED = 20_240_611L;

    private SampleImageGenerator() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        for (Path file : generate(Path.of(args.length > 0 ? args[0] : "examples/images"))) {
            System.out.println("wrote " + file + " (" + Files.size(file) + " bytes)");
        }
    }

    /** Paints and writes landscape.png, portrait.png and city.png into {@code directory}, creating it if needed. */
    static List<Path> generate(Path directory) throws IOException {
        Files.createDirectories(directory);
        return List.of(
                write(LandscapeScene.paint(1920, 1280, SEED), directory.resolve("landscape.png")),
                write(PortraitScene.paint(1080, 1620, SEED + 1), directory.resolve("portrait.png")),
                write(CityScene.paint(1600, 1200, SEED + 2), directory.resolve("city.png")));
    }

    private static Path write(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG encoder available");
        }
        return file;
    }
}
