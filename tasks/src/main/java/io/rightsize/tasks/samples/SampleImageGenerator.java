package io.rightsize.tasks.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes the sample images: the three the demo orders use, or the same scenes at a given size (the held-out large
 * inputs a trained allocation has never seen); same seed, size and JDK, same bytes.
 *
 * <p>Usage: {@code java -cp rightsize-tasks.jar io.rightsize.tasks.samples.SampleImageGenerator [OUTPUT_DIR]
 * [--size WIDTHxHEIGHT]...}, default {@code examples/images}; with sizes, each scene at each size, named
 * {@code landscape-4096x4096.png}.
 */
public final class SampleImageGenerator {

    /** Fixed so regenerating the samples reproduces them. */
    static final long SEED = 20_240_611L;

    /** The held-out sizes: 16.8 and 24 MP, 6.8× and 9.8× the largest sample (2.46 MP). */
    public static final List<Size> LARGE = List.of(new Size(4096, 4096), new Size(6000, 4000));

    private SampleImageGenerator() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path directory = Path.of("examples/images");
        List<Size> sizes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--size") && i + 1 < args.length) {
                sizes.add(Size.parse(args[++i]));
            } else if (args[i].startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: SampleImageGenerator [OUTPUT_DIR] [--size WIDTHxHEIGHT]...");
            } else {
                directory = Path.of(args[i]);
            }
        }
        for (Path file : sizes.isEmpty() ? generate(directory) : generate(directory, sizes)) {
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

    /** Each scene at each size, e.g. {@code city-6000x4000.png}. */
    public static List<Path> generate(Path directory, List<Size> sizes) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (Size s : sizes) {
            written.add(write(LandscapeScene.paint(s.width(), s.height(), SEED), directory.resolve(
                    "landscape-" + s + ".png")));
            written.add(write(PortraitScene.paint(s.width(), s.height(), SEED + 1), directory.resolve(
                    "portrait-" + s + ".png")));
            written.add(write(CityScene.paint(s.width(), s.height(), SEED + 2), directory.resolve(
                    "city-" + s + ".png")));
        }
        return written;
    }

    private static Path write(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG encoder available");
        }
        return file;
    }

    /** An image size in pixels. */
    public record Size(int width, int height) {

        public Size {
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("an image needs at least 1x1 pixels, not " + width + "x" + height);
            }
        }

        /** {@code 4096x4096}. */
        public static Size parse(String text) {
            String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
            try {
                if (parts.length == 2) {
                    return new Size(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("a size is WIDTHxHEIGHT, e.g. 4096x4096, not '" + text + "'");
        }

        public long pixels() {
            return (long) width * height;
        }

        @Override
        public String toString() {
            return width + "x" + height;
        }
    }
}
