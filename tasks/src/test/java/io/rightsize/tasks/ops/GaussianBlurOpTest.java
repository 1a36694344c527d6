package io.rightsize.tasks.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GaussianBlurOpTest {

    private final GaussianBlurOp op = new GaussianBlurOp();

    @Test
    void keepsAConstantImageConstant() {
        int colour = 0x3C8AD2;
        BufferedImage out = op.apply(TestImages.constant(colour), TestImages.defaults("blur"));
        assertEquals(0, TestImages.maxDeviation(out, colour));
    }

    @Test
    void keepsDimensionsAndSmoothsNoise() {
        BufferedImage in = TestImages.noise(4);
        BufferedImage out = op.apply(in, TestImages.params("blur", Map.of("radius", 3.0)));
        assertEquals(in.getWidth(), out.getWidth());
        assertEquals(in.getHeight(), out.getHeight());
        assertTrue(TestImages.differingPixels(in, out) > in.getWidth() * in.getHeight() * 9 / 10);
        assertTrue(neighbourDifference(out) < neighbourDifference(in) / 4,
                "blurred neighbours should be much closer than in noise");
    }

    @Test
    void changesTheImageEvenAtTheSmallestRadius() {
        BufferedImage in = TestImages.noise(5);
        BufferedImage out = op.apply(in, TestImages.params("blur", Map.of("radius", 1.0)));
        assertTrue(TestImages.differingPixels(in, out) > 0);
    }

    /** Mean absolute difference of the red channel between horizontal neighbours. */
    static double neighbourDifference(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 1; x < image.getWidth(); x++) {
                sum += Math.abs(TestImages.red(image.getRGB(x, y)) - TestImages.red(image.getRGB(x - 1, y)));
            }
        }
        return (double) sum / (image.getHeight() * (image.getWidth() - 1));
    }
}
