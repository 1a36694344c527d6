package io.rightsize.predictor.model;

import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.features.UsageRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tribuo.Example;
import org.tribuo.regression.Regressor;

/**
 * The chosen model's bounds: fitted on the calibration orders and judged on the test orders, which they never saw
 * (the calibration orders stand in when there were too few to hold out both); then refit on every held-out order to
 * be served, since the backtest judged them fitted on half as many.
 *
 * @param calibration       sample bounds fitted on the calibration orders
 * @param peaks             run limits fitted on the calibration orders
 * @param testResiduals     the test orders' samples against the model's answers as served
 * @param testPeaks         the test orders' tasks: predicted and actual peaks, by {@link TaskRun#key}
 * @param servedCalibration sample bounds refit on every held-out order
 * @param servedPeaks       run limits refit on every held-out order
 */
record HeldOutCalibration(Calibration calibration, PeakCalibration peaks, List<Calibration.Residual> testResiduals,
                          Map<String, PeakCalibration.TaskPeak> testPeaks, Calibration servedCalibration,
                          PeakCalibration servedPeaks) {

    /**
     * @param unCalibrated the chosen model as it will answer (extrapolating memory), before any bound is fitted
     * @param queries      the rows as the model is asked about them
     */
    static HeldOutCalibration fit(UsageModel unCalibrated, OrderTimeSplit split,
                                  Function<List<UsageRow>, List<Example<Regressor>>> queries, double coverage) {
        Map<Resource, Double> scales = unCalibrated.metadata().targetScales();
        Map<String, Double> expectedSeconds = unCalibrated.metadata().expectedSeconds();
        List<Calibration.Residual> calibrationResiduals = residuals(unCalibrated, split.calibration(), queries);
        List<Calibration.Residual> testResiduals = split.separate()
                ? residuals(unCalibrated, split.test(), queries) : calibrationResiduals;
        Calibration calibration = Calibration.fit(coverage, calibrationResiduals, scales);
        Map<String, PeakCalibration.TaskPeak> calibrationPeaks = taskPeaks(unCalibrated, split.calibration(),
                expectedSeconds);
        Map<String, PeakCalibration.TaskPeak> testPeaks = split.separate()
                ? taskPeaks(unCalibrated, split.test(), expectedSeconds) : calibrationPeaks;
        PeakCalibration peaks = PeakCalibration.fit(coverage, calibrationPeaks.values(), scales);
        Calibration servedCalibration = split.separate() ? Calibration.fit(coverage,
                OrderTimeSplit.concat(calibrationResiduals, testResiduals), scales) : calibration;
        PeakCalibration servedPeaks = split.separate() ? PeakCalibration.fit(coverage,
                OrderTimeSplit.concat(calibrationPeaks.values(), testPeaks.values()), scales) : peaks;
        return new HeldOutCalibration(calibration, peaks, testResiduals, testPeaks, servedCalibration, servedPeaks);
    }

    private static List<Calibration.Residual> residuals(UsageModel model, List<UsageRow> rows,
                                                        Function<List<UsageRow>, List<Example<Regressor>>> queries) {
        double[] predicted = asServed(model, rows,
                HeldOutEvaluation.predictScaled(model.tribuoModel(), queries.apply(rows)));
        List<Calibration.Residual> residuals = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            UsageRow row = rows.get(i);
            residuals.add(new Calibration.Residual(row.service(), row.resource(), predicted[i],
                    row.value() - predicted[i]));
        }
        return residuals;
    }

    /**
     * Predictions in each resource's unit as {@link UsageModel#predict} gives them: the batch's, except where memory
     * is extrapolated beyond the trained inputs (then one by one, as served).
     */
    private static double[] asServed(UsageModel model, List<UsageRow> rows, double[] predictedScaled) {
        double[] predicted = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            UsageRow row = rows.get(i);
            long pixels = model.metadata().inputPixelsOrLargest(row.service(), row.inputPixels());
            predicted[i] = model.extrapolates(row.service(), pixels, row.resource())
                    ? model.predict(row.orderServices(), row.service(), row.inputPixels(), row.params(),
                            row.resource(), row.elapsedSeconds())
                    : Math.max(0, predictedScaled[i] * model.metadata().targetScales().get(row.resource()));
        }
        return predicted;
    }

    /**
     * Each held-out task's allocated resources: the peak of the run the model predicts for it (as Recommend asks,
     * over the service's expected run length) and the peak it reached, by {@link TaskRun#key}.
     */
    private static Map<String, PeakCalibration.TaskPeak> taskPeaks(UsageModel model, List<UsageRow> rows,
                                                                   Map<String, Double> expectedSeconds) {
        Map<String, PeakCalibration.TaskPeak> peaks = new LinkedHashMap<>();
        for (TaskRun run : TaskRun.of(rows)) {
            double[] predicted = model.overRun(run.orderServices(), run.service(), run.inputPixels(), run.params(),
                    run.resource(), expectedSeconds.getOrDefault(run.service(), 10.0));
            peaks.put(run.key(), new PeakCalibration.TaskPeak(run.service(), run.resource(),
                    Arrays.stream(predicted).max().orElse(0), run.actualPeak()));
        }
        return peaks;
    }
}
