package io.rightsize.tasks.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanczosResizeOpTest {

    private final LanczosResizeOp op = new LanczosResizeOp();

    @Test
    void scalesBothDimensionsByTheDefaultFactor() {
        BufferedImage out = op.apply(TestImages.noise(8), TestImages.defaults("resize"));
        assertEquals(240, out.getWidth());
        assertEquals(160, out.getHeight());
    }

    @Test
    void shrinksWhenScaleIsBelowOne() {
        BufferedImage out = op.apply(TestImages.noise(9), TestImages.params("resize", Map.of("scale", 0.5)));
        assertEquals(48, out.getWidth());
        assertEquals(32, out.getHeight());
    }

    @Test
    void keepsAtLeastOnePixelAtTheSmallestScale() {
        BufferedImage in = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        BufferedImage out = op.apply(in, TestImages.params("resize", Map.of("scale", 0.1)));
        assertEquals(1, out.getWidth());
        assertEquals(1, out.getHeight());
    }

    @Test
    void keepsAConstantImageConstant() {
        int colour = 0xC86432;
        BufferedImage out = op.apply(TestImages.constant(colour), TestImages.params("resize", Map.of("scale", 1.7)));
        assertEquals(0, TestImages.maxDeviation(out, colour));
    }

    @Test
    void producesNewDetailFreeValuesBetweenSourcePixels() {
        BufferedImage in = TestImages.noise(10);
        BufferedImage out = op.apply(in, TestImages.defaults("resize"));
        BufferedImage nearest = new BufferedImage(out.getWidth(), out.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                nearest.setRGB(x, y, in.getRGB(x * in.getWidth() / out.getWidth(), y * in.getHeight() / out.getHeight()));
            }
        }
        assertTrue(TestImages.differingPixels(nearest, out) > out.getWidth() * out.getHeight() / 2,
                "interpolated output should differ from pixel replication");
    }
}
