package io.rightsize.predictor.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Training plots as PNG, as the original system saved loss.png: loss curves, error per candidate, predicted vs actual. */
public final class TrainingPlots {

    public static final String CANDIDATES_PNG = "candidates.png";
    public static final String PREDICTED_VS_ACTUAL_PNG = "predicted-vs-actual.png";
    public static final String LOSS_PNG = "loss.png";
    private static final int MAX_POINTS = 5_000;

    private TrainingPlots() {
    }

    public static void write(Path dir, TrainingResult result) {
        try {
            Files.createDirectories(dir);
            DefaultCategoryDataset errors = new DefaultCategoryDataset();
            result.model().metadata().candidates()
                    .forEach(c -> errors.addValue(c.scaledRmse(), "validation RMSE (scaled)", c.algorithm()));
            JFreeChart bars = ChartFactory.createBarChart("Validation error per candidate (model v"
                            + result.model().metadata().version() + ")", "algorithm", "RMSE (targets scaled per resource)",
                    errors, PlotOrientation.VERTICAL, false, false, false);
            ChartUtils.saveChartAsPNG(dir.resolve(CANDIDATES_PNG).toFile(), bars, 800, 500);

            XYSeriesCollection points = new XYSeriesCollection();
            List<TrainingResult.ValidationPoint> validation = result.validation();
            int step = Math.max(1, validation.size() / MAX_POINTS);
            for (int i = 0; i < validation.size(); i += step) {
                TrainingResult.ValidationPoint p = validation.get(i);
                XYSeries series = seriesFor(points, p.resource());
                series.add(p.actualScaled(), p.predictedScaled());
            }
            JFreeChart scatter = ChartFactory.createScatterPlot("Predicted vs actual on the test orders ("
                            + result.model().metadata().algorithm() + ")", "actual (scaled)", "predicted (scaled)",
                    points, PlotOrientation.VERTICAL, true, false, false);
            ChartUtils.saveChartAsPNG(dir.resolve(PREDICTED_VS_ACTUAL_PNG).toFile(), scatter, 800, 600);

            XYSeriesCollection curves = new XYSeriesCollection();
            result.lossCurves().forEach(p -> seriesFor(curves, p.candidate()).add(p.iteration(), p.loss()));
            JFreeChart loss = ChartFactory.createXYLineChart("Training loss of the SGD candidates",
                    "examples seen", "average squared loss (scaled targets)", curves, PlotOrientation.VERTICAL, true,
                    false, false);
            ChartUtils.saveChartAsPNG(dir.resolve(LOSS_PNG).toFile(), loss, 800, 500);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write training plots to " + dir, e);
        }
    }

    private static XYSeries seriesFor(XYSeriesCollection points, String resource) {
        for (int i = 0; i < points.getSeriesCount(); i++) {
            if (points.getSeriesKey(i).equals(resource)) {
                return points.getSeries(i);
            }
        }
        XYSeries series = new XYSeries(resource, false, true);
        points.addSeries(series);
        return series;
    }
}
