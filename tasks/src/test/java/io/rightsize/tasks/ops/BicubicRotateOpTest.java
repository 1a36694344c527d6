package io.rightsize.tasks.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BicubicRotateOpTest {

    private final BicubicRotateOp op = new BicubicRotateOp();

    @Test
    void enlargesTheCanvasToFitTheRotatedImage() {
        BufferedImage out = op.apply(TestImages.noise(11), TestImages.defaults("rotate"));
        double radians = Math.toRadians(30);
        int expectedWidth = (int) Math.ceil(96 * Math.cos(radians) + 64 * Math.sin(radians));
        int expectedHeight = (int) Math.ceil(96 * Math.sin(radians) + 64 * Math.cos(radians));
        assertEquals(expectedWidth, out.getWidth());
        assertEquals(expectedHeight, out.getHeight());
        assertTrue(out.getWidth() > 96 && out.getHeight() > 64);
    }

    @Test
    void makesTheCornersOfTheEnlargedCanvasTransparentAndTheCentreOpaque() {
        BufferedImage out = op.apply(TestImages.noise(12), TestImages.defaults("rotate"));
        assertEquals(0, out.getRGB(0, 0) >>> 24);
        assertEquals(255, out.getRGB(out.getWidth() / 2, out.getHeight() / 2) >>> 24);
    }

    @Test
    void changesTheImage() {
        BufferedImage in = TestImages.noise(13);
        BufferedImage out = op.apply(in, TestImages.params("rotate", Map.of("degrees", 30.0)));
        BufferedImage centre = out.getSubimage((out.getWidth() - 96) / 2, (out.getHeight() - 64) / 2, 96, 64);
        assertTrue(TestImages.differingPixels(in, centre) > 96 * 64 / 2);
    }

    @Test
    void leavesTheImageExactlyAsItWasForAFullTurn() {
        BufferedImage in = TestImages.noise(14);
        for (double degrees : new double[] {0, 360, -360}) {
            BufferedImage out = op.apply(in, TestImages.params("rotate", Map.of("degrees", degrees)));
            assertEquals(96, out.getWidth());
            assertEquals(64, out.getHeight());
            assertEquals(0, TestImages.differingPixels(in, out), degrees + " degrees");
        }
    }

    @Test
    void turnsAQuarterCounterClockwiseWithoutLoss() {
        BufferedImage in = TestImages.noise(15);
        BufferedImage out = op.apply(in, TestImages.params("rotate", Map.of("degrees", 90.0)));
        assertEquals(64, out.getWidth());
        assertEquals(96, out.getHeight());
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 96; x++) {
                // Counter-clockwise: the top row becomes the left column, read bottom-up.
                assertEquals(in.getRGB(x, y) | 0xFF000000, out.getRGB(y, 95 - x), "source " + x + "," + y);
            }
        }
    }
}
