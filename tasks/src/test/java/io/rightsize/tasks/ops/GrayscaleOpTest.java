package io.rightsize.tasks.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrayscaleOpTest {

    private final GrayscaleOp op = new GrayscaleOp();

    @Test
    void givesEqualChannelsForEveryPixel() {
        BufferedImage out = op.apply(TestImages.noise(1), TestImages.defaults("grayscale"));
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int p = out.getRGB(x, y);
                assertEquals(TestImages.red(p), TestImages.green(p), "at " + x + "," + y);
                assertEquals(TestImages.green(p), TestImages.blue(p), "at " + x + "," + y);
            }
        }
    }

    @Test
    void keepsDimensionsAndChangesAColourImage() {
        BufferedImage in = TestImages.noise(2);
        BufferedImage out = op.apply(in, TestImages.defaults("grayscale"));
        assertEquals(in.getWidth(), out.getWidth());
        assertEquals(in.getHeight(), out.getHeight());
        assertTrue(TestImages.differingPixels(in, out) > in.getWidth() * in.getHeight() / 2);
    }

    @Test
    void leavesEveryNeutralGrayUnchanged() {
        for (int v = 0; v < 256; v++) {
            int rgb = v << 16 | v << 8 | v;
            BufferedImage out = op.apply(TestImages.constant(rgb), TestImages.params("grayscale",
                    Map.of("passes", 1.0)));
            assertEquals(0, TestImages.maxDeviation(out, rgb), "gray " + v);
        }
    }

    @Test
    void keepsGreenBrighterThanBlueAsTheEyeSeesThem() {
        int green = TestImages.red(op.apply(TestImages.constant(0x00FF00), TestImages.defaults("grayscale"))
                .getRGB(0, 0));
        int blue = TestImages.red(op.apply(TestImages.constant(0x0000FF), TestImages.defaults("grayscale"))
                .getRGB(0, 0));
        assertTrue(green > 200 && blue < 100, "green " + green + ", blue " + blue);
    }
}
