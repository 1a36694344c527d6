package io.rightsize.tasks.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SobelOpTest {

    private final SobelOp op = new SobelOp();

    @Test
    void givesZeroEverywhereOnAConstantImage() {
        BufferedImage out = op.apply(TestImages.constant(0x5A7F33), TestImages.defaults("sobel"));
        assertEquals(0, TestImages.maxDeviation(out, 0x000000));
    }

    @Test
    void respondsOnlyAlongAVerticalEdge() {
        BufferedImage out = op.apply(verticalEdge(), TestImages.defaults("sobel"));
        assertEquals(96, out.getWidth());
        assertEquals(64, out.getHeight());
        assertEquals(255, TestImages.red(out.getRGB(47, 30)));
        assertEquals(255, TestImages.red(out.getRGB(48, 30)));
        assertEquals(0, TestImages.red(out.getRGB(10, 30)));
        assertEquals(0, TestImages.red(out.getRGB(80, 30)));
    }

    @Test
    void cutsEdgesWeakerThanTheThresholdToBlack() {
        BufferedImage in = TestImages.noise(16);
        BufferedImage all = op.apply(in, TestImages.defaults("sobel"));
        BufferedImage strong = op.apply(in, TestImages.params("sobel", Map.of("threshold", 200.0)));
        int dark = 0;
        for (int y = 0; y < strong.getHeight(); y++) {
            for (int x = 0; x < strong.getWidth(); x++) {
                int value = TestImages.red(strong.getRGB(x, y));
                assertTrue(value == 0 || value >= 200);
                if (value == 0 && TestImages.red(all.getRGB(x, y)) > 0) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 0, "some weak edges should have been cut");
    }

    /** Black left half, white right half. */
    private static BufferedImage verticalEdge() {
        BufferedImage image = TestImages.constant(0x000000);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = image.getWidth() / 2; x < image.getWidth(); x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        return image;
    }
}
