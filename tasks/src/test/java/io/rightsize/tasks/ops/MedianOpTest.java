package io.rightsize.tasks.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MedianOpTest {

    private final MedianOp op = new MedianOp();

    @Test
    void removesIsolatedSpecklesFromAFlatImage() {
        int colour = 0x406080;
        BufferedImage in = TestImages.constant(colour);
        in.setRGB(10, 10, 0xFFFFFF);
        in.setRGB(50, 40, 0x000000);
        in.setRGB(95, 63, 0xFF00FF);
        BufferedImage out = op.apply(in, TestImages.params("median", Map.of("radius", 1.0)));
        assertEquals(0, TestImages.maxDeviation(out, colour));
    }

    @Test
    void keepsAStraightEdgeWhereABlurWouldSoftenIt() {
        BufferedImage in = TestImages.constant(0x000000);
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 48; x < in.getWidth(); x++) {
                in.setRGB(x, y, 0xFFFFFF);
            }
        }
        BufferedImage out = op.apply(in, TestImages.defaults("median"));
        assertEquals(0, TestImages.differingPixels(in, out));
    }

    @Test
    void keepsDimensionsAndChangesANoisyImage() {
        BufferedImage in = TestImages.noise(17);
        BufferedImage out = op.apply(in, TestImages.defaults("median"));
        assertEquals(in.getWidth(), out.getWidth());
        assertEquals(in.getHeight(), out.getHeight());
        assertTrue(TestImages.differingPixels(in, out) > in.getWidth() * in.getHeight() * 9 / 10);
    }
}
