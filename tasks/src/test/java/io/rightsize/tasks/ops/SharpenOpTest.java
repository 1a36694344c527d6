package io.rightsize.tasks.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharpenOpTest {

    private final SharpenOp op = new SharpenOp();

    @Test
    void keepsDimensionsAndIncreasesLocalContrast() {
        BufferedImage soft = new GaussianBlurOp().apply(TestImages.noise(6),
                TestImages.params("blur", Map.of("radius", 2.0)));
        BufferedImage out = op.apply(soft, TestImages.defaults("sharpen"));
        assertEquals(soft.getWidth(), out.getWidth());
        assertEquals(soft.getHeight(), out.getHeight());
        assertTrue(TestImages.differingPixels(soft, out) > 0);
        assertTrue(GaussianBlurOpTest.neighbourDifference(out) > GaussianBlurOpTest.neighbourDifference(soft));
    }

    @Test
    void keepsAConstantImageConstant() {
        int colour = 0x808080;
        BufferedImage out = op.apply(TestImages.constant(colour), TestImages.defaults("sharpen"));
        assertEquals(0, TestImages.maxDeviation(out, colour));
    }

    @Test
    void isTheIdentityWithAmountZero() {
        BufferedImage in = TestImages.noise(7);
        BufferedImage out = op.apply(in, TestImages.params("sharpen", Map.of("amount", 0.0)));
        assertEquals(0, TestImages.differingPixels(in, out));
    }
}
