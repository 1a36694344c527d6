package io.rightsize.predictor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.common.messaging.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Normalised conformal bounds: margins in proportion to the prediction, a floor near zero, old models unchanged. */
class CalibrationTest {

    private static final Resource MEMORY = Resource.MEMORY_BYTES;

    @Test
    void scalesTheMarginWithThePredictionAndKeepsAFloorNearZero() {
        List<Calibration.Residual> residuals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            residuals.add(new Calibration.Residual("blur", MEMORY, 100, 10));
            residuals.add(new Calibration.Residual("blur", MEMORY, 1000, 100));
        }
        Calibration c = Calibration.fit(0.95, residuals, Map.of(MEMORY, 1000.0));

        assertEquals(220, c.bound("blur", MEMORY, 200), 1e-9);
        assertEquals(2200, c.bound("blur", MEMORY, 2000), 1e-9);
        assertEquals(5, c.bound("blur", MEMORY, 0), 1e-9, "a tenth of the floor, 5% of the scale");
    }

    @Test
    void coversSmallAndLargeInputsAlikeWhereOneAbsoluteMarginWouldNot() {
        Random random = new Random(5);
        List<Calibration.Residual> fit = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            fit.add(sample(random, i % 2 == 0 ? 100 : 1000));
        }
        Calibration c = Calibration.fit(0.95, fit, Map.of(MEMORY, 1000.0));

        for (double predicted : new double[] {100, 1000}) {
            int covered = 0;
            for (int i = 0; i < 4000; i++) {
                Calibration.Residual r = sample(random, predicted);
                covered += r.predicted() + r.error() <= c.bound("blur", MEMORY, r.predicted()) ? 1 : 0;
            }
            double coverage = covered / 4000.0;
            assertTrue(coverage >= 0.93 && coverage <= 0.98, "coverage at " + predicted + ": " + coverage);
        }
    }

    @Test
    void aModelSavedBeforeNormalisationKeepsItsAbsoluteMargins() {
        Calibration old = new Calibration(0.95, Map.of("blur|MEMORY_BYTES", 30.0), Map.of(MEMORY, 50.0), null);
        assertEquals(230, old.bound("blur", MEMORY, 200), 1e-9);
        assertEquals(250, old.bound("resize", MEMORY, 200), 1e-9, "the pooled margin for a pair without its own");
    }

    /** Usage with a 10% spread around the prediction: the error grows with the input, as an image task's does. */
    private static Calibration.Residual sample(Random random, double predicted) {
        return new Calibration.Residual("blur", MEMORY, predicted, predicted * 0.1 * random.nextGaussian());
    }
}
