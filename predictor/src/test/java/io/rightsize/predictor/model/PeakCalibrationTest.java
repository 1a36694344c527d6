package io.rightsize.predictor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.common.messaging.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Run-level limits: the quantile of actual over predicted peaks, per service once it has enough tasks. */
class PeakCalibrationTest {

    private static final Resource MEMORY = Resource.MEMORY_BYTES;
    private static final Map<Resource, Double> SCALES = Map.of(MEMORY, 1000.0);

    @Test
    void newRunsStayUnderTheirLimitAtTheStatedRate() {
        Random random = new Random(11);
        List<PeakCalibration.TaskPeak> fit = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            fit.add(task(random, "blur", 100 + random.nextInt(900), 0.15));
        }
        PeakCalibration c = PeakCalibration.fit(0.95, fit, SCALES);

        int covered = 0;
        int runs = 4000;
        for (int i = 0; i < runs; i++) {
            PeakCalibration.TaskPeak run = task(random, "blur", 100 + random.nextInt(900), 0.15);
            covered += run.actualPeak() <= c.limit("blur", MEMORY, run.predictedPeak()) ? 1 : 0;
        }
        double coverage = (double) covered / runs;
        assertTrue(coverage >= 0.93 && coverage <= 0.98, "coverage " + coverage);
    }

    @Test
    void aServiceUsesItsOwnRatiosOnlyOnceItHasEnoughTasks() {
        List<PeakCalibration.TaskPeak> fit = new ArrayList<>();
        for (int i = 0; i < PeakCalibration.MIN_TASKS; i++) {
            fit.add(new PeakCalibration.TaskPeak("blur", MEMORY, 500, 550));
        }
        for (int i = 0; i < PeakCalibration.MIN_TASKS - 1; i++) {
            fit.add(new PeakCalibration.TaskPeak("resize", MEMORY, 500, 1000));
        }
        PeakCalibration c = PeakCalibration.fit(0.95, fit, SCALES);

        assertEquals(220, c.limit("blur", MEMORY, 200), 1e-9, "blur's own ratio, 1.1");
        assertEquals(400, c.limit("resize", MEMORY, 200), 1e-9, "too few resize tasks: the pooled ratio, 2.0");
        assertEquals(400, c.limit("sobel", MEMORY, 200), 1e-9, "a service never held out: the pooled ratio");
    }

    @Test
    void aPredictionNearZeroStillGetsALimitFromTheFloor() {
        List<PeakCalibration.TaskPeak> fit = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            fit.add(new PeakCalibration.TaskPeak("blur", MEMORY, 0, 60));
        }
        PeakCalibration c = PeakCalibration.fit(0.95, fit, SCALES);

        assertEquals(60, c.limit("blur", MEMORY, 0), 1e-9, "floor 50 (5% of 1000) times the ratio 1.2");
    }

    /** A run whose peak misses the prediction by a relative spread, as an image task's does at any input size. */
    private static PeakCalibration.TaskPeak task(Random random, String service, double predicted, double spread) {
        return new PeakCalibration.TaskPeak(service, MEMORY, predicted,
                predicted * (1 + spread * random.nextGaussian()));
    }
}
