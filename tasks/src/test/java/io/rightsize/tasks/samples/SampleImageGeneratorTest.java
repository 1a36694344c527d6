package io.rightsize.tasks.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleImageGeneratorTest {

    @Test
    void paintsEachSceneIdenticallyFromTheSameSeed() {
        assertSameEachTime(() -> LandscapeScene.paint(192, 128, 7));
        assertSameEachTime(() -> PortraitScene.paint(108, 162, 7));
        assertSameEachTime(() -> CityScene.paint(160, 120, 7));
    }

    @Test
    void paintsScenesWithManyColoursNotFlatFills() {
        assertTrue(distinctColours(LandscapeScene.paint(192, 128, 7)) > 500);
        assertTrue(distinctColours(PortraitScene.paint(108, 162, 7)) > 500);
        assertTrue(distinctColours(CityScene.paint(160, 120, 7)) > 500);
    }

    @Test
    void writesTheThreeSampleImagesAtTheirDocumentedSizes(@TempDir Path dir) throws IOException {
        SampleImageGenerator.generate(dir);
        assertSize(dir.resolve("landscape.png"), 1920, 1280);
        assertSize(dir.resolve("portrait.png"), 1080, 1620);
        assertSize(dir.resolve("city.png"), 1600, 1200);
    }

    private static void assertSameEachTime(Supplier<BufferedImage> paint) {
        BufferedImage first = paint.get();
        BufferedImage second = paint.get();
        assertArrayEquals(pixels(first), pixels(second));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int p : pixels(image)) {
            colours.add(p);
        }
        return colours.size();
    }

    private static void assertSize(Path file, int width, int height) throws IOException {
        assertTrue(Files.size(file) < 2_000_000, file + " should stay under 2 MB");
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }
}
