package io.rightsize.tasks.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.tasks.ops.Operations;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputSizeTest {

    @ParameterizedTest
    @CsvSource({"resize, scale, 0.5", "resize, scale, 2.5", "rotate, degrees, 30", "rotate, degrees, 45",
            "rotate, degrees, 90", "rotate, degrees, -120", "blur, radius, 3", "median, radius, 1"})
    void heldPixelsAreTheInputsAndTheOutputsTheTaskReallyMakes(String service, String param, double value) {
        TaskDefinition task = TaskCatalog.find(service).orElseThrow();
        Map<String, Double> params = task.resolveParams(Map.of(param, value, "passes", 1.0).entrySet().stream()
                .filter(e -> task.params().stream().anyMatch(p -> p.name().equals(e.getKey())))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        BufferedImage square = new BufferedImage(120, 120, BufferedImage.TYPE_INT_ARGB);
        BufferedImage out = Operations.forTask(service).orElseThrow().apply(square, params);
        long actual = 120L * 120 + (long) out.getWidth() * out.getHeight();
        long held = task.heldPixels(120L * 120, params);
        // Within a canvas row and column of the exact count (rounding of the rotated extent).
        assertTrue(Math.abs(held - actual) <= 2 * 122, service + " " + value + ": " + held + " vs " + actual);
    }

    @ParameterizedTest
    @CsvSource({"6000, 4000, 30", "6000, 4000, 45", "4000, 3000, 60"})
    void aRotatedPhotoIsWithinFivePercentOfTheSquareRule(int width, int height, double degrees) {
        double radians = Math.toRadians(degrees);
        double exact = (width * Math.abs(Math.cos(radians)) + height * Math.abs(Math.sin(radians)))
                * (width * Math.abs(Math.sin(radians)) + height * Math.abs(Math.cos(radians)));
        long rule = OutputSize.ROTATED.pixels((long) width * height, Map.of("degrees", degrees));
        assertTrue(Math.abs(rule - exact) / exact < 0.05, rule + " vs " + exact);
    }

    @ParameterizedTest
    @CsvSource({"0.5, 250000", "2, 4000000", "1, 1000000"})
    void aResizeHoldsItsScaleSquared(double scale, long output) {
        assertEquals(output, OutputSize.SCALED.pixels(1_000_000, Map.of("scale", scale)));
    }
}
