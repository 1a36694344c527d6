package io.rightsize.cli.experiment;

import io.rightsize.api.v1.Resource;
import io.rightsize.api.v1.UsageSample;
import io.rightsize.client.mapping.TimestampMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A PNG of reserved against used memory over each arm's run, one panel per arm on a shared time axis (seconds from
 * the first submission): the gap between the lines is memory held and not used; the capacity line shows where
 * admission binds.
 */
final class ExperimentChart {

    private static final int WIDTH = 1400;
    private static final int PANEL_HEIGHT = 260;
    private static final double GIB = 1L << 30;
    private static final Color RESERVED = new Color(0xE69F00);
    private static final Color USED = new Color(0x0072B2);
    private static final Color CAPACITY = new Color(0x999999);

    private ExperimentChart() {
    }

    static void write(List<ArmRecord> arms, ExperimentCapacity capacity, Path png) throws IOException {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("seconds from the first submission"));
        plot.setGap(12);
        for (int i = 0; i < arms.size(); i++) {
            plot.add(panel(arms.get(i), capacity, i == 0), 1);
        }
        JFreeChart chart = new JFreeChart("Memory reserved (requests of running tasks) and used, per arm, capacity "
                + capacity, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, 120 + PANEL_HEIGHT * arms.size());
    }

    /** One arm's panel; the legend names the three lines once, from the first panel. */
    private static XYPlot panel(ArmRecord arm, ExperimentCapacity capacity, boolean inLegend) {
        Instant origin = arm.submittedAt().values().stream().min(Comparator.naturalOrder()).orElseThrow();
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(reserved(arm, origin));
        data.addSeries(used(arm, origin));
        XYSeries cap = new XYSeries("task capacity", false, true);
        double end = data.getSeries(0).getItemCount() == 0 ? 1 : data.getSeries(0).getMaxX();
        cap.add(0, capacity.memoryBytes() / GIB);
        cap.add(end, capacity.memoryBytes() / GIB);
        data.addSeries(cap);
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setDefaultShapesVisible(false);
        renderer.setSeriesPaint(0, RESERVED);
        renderer.setSeriesPaint(1, USED);
        renderer.setSeriesPaint(2, CAPACITY);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(1.5f));
        renderer.setSeriesStroke(2, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        for (int i = 0; i < 3; i++) {
            renderer.setSeriesVisibleInLegend(i, inLegend);
        }
        XYPlot panel = new XYPlot(data, null, new NumberAxis(arm.arm() + " (GiB)"), renderer);
        panel.setBackgroundPaint(Color.WHITE);
        panel.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return panel;
    }

    /** The running attempts' memory requests, as a step at each start and end. */
    private static XYSeries reserved(ArmRecord arm, Instant origin) {
        TreeMap<Double, Double> changes = new TreeMap<>();
        for (Attempt a : Attempt.of(arm.events())) {
            double gib = a.allocation().memoryRequestBytes() / GIB;
            changes.merge(seconds(origin, a.start()), gib, Double::sum);
            changes.merge(seconds(origin, a.end()), -gib, Double::sum);
        }
        XYSeries series = new XYSeries("reserved (requests of running tasks)", false, true);
        series.add(0, 0);
        double level = 0;
        for (Map.Entry<Double, Double> change : changes.entrySet()) {
            level += change.getValue();
            series.add(change.getKey().doubleValue(), Math.max(0, level));
        }
        return series;
    }

    /** All tasks' sampled memory, summed per second. */
    private static XYSeries used(ArmRecord arm, Instant origin) {
        TreeMap<Long, Double> perSecond = new TreeMap<>();
        for (List<UsageSample> samples : arm.samples().values()) {
            for (UsageSample s : samples) {
                if (s.getResource() == Resource.MEMORY_BYTES) {
                    long second = (long) Math.floor(seconds(origin, TimestampMapper.fromProto(s.getTimestamp())));
                    perSecond.merge(second, s.getValue() / GIB, Double::sum);
                }
            }
        }
        XYSeries series = new XYSeries("used (sampled working set)", false, true);
        List<Map.Entry<Long, Double>> points = new ArrayList<>(perSecond.entrySet());
        for (Map.Entry<Long, Double> p : points) {
            series.add(p.getKey().doubleValue(), p.getValue());
        }
        return series;
    }

    private static double seconds(Instant origin, Instant at) {
        return Duration.between(origin, at).toMillis() / 1000.0;
    }
}
