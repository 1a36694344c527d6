package io.rightsize.cli.report;

import io.rightsize.allocation.backtest.Divergence;
import io.rightsize.allocation.backtest.Replay;
import io.rightsize.allocation.trace.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A PNG of one {@link Divergence}: the series' usage over the whole trace and each recommender's allocation over
 * the part it was judged on, as steps, so a reader sees where each one ran short and what it left unused.
 */
public final class BacktestChart {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 700;
    /** Usage in grey, the allocations in colours told apart in print and by the colour-blind (Okabe-Ito). */
    private static final Color USAGE = new Color(0x555555);
    private static final Color[] ALLOCATIONS = {new Color(0xE69F00), new Color(0x56B4E9), new Color(0x009E73),
        new Color(0xD55E00), new Color(0xCC79A7), new Color(0x0072B2), new Color(0xF0E442), new Color(0x000000)};

    private BacktestChart() {
    }

    /** Writes the chart of {@code divergence} to {@code png}. */
    public static void write(Divergence divergence, String mode, Path png) throws IOException {
        Series series = divergence.series();
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries usage = new XYSeries("usage", false, true);
        for (int i = 0; i < series.values().length; i++) {
            usage.add(series.timestamps()[i] * 1000.0, series.values()[i]);
        }
        data.addSeries(usage);
        for (Map.Entry<String, Replay> e : divergence.replays().entrySet()) {
            XYSeries allocation = new XYSeries(e.getKey(), false, true);
            Replay r = e.getValue();
            for (int i = 0; i < r.timestamps().length; i++) {
                allocation.add(r.timestamps()[i] * 1000.0, r.allocation()[i]);
            }
            data.addSeries(allocation);
        }
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setDefaultShapesVisible(false);
        renderer.setSeriesPaint(0, USAGE);
        renderer.setSeriesStroke(0, new BasicStroke(1f));
        for (int i = 1; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ALLOCATIONS[(i - 1) % ALLOCATIONS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        NumberAxis values = new NumberAxis(series.resource());
        values.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, new DateAxis("time (UTC)", TimeZone.getTimeZone("UTC"), Locale.ROOT), values,
                renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT,
                "%s of %s, %s backtest: where the recommenders differ most (%.1f apart, mean usage %.1f)",
                series.resource(), series.service(), mode, divergence.spread(), divergence.meanUsage()),
                JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }
}
