package io.rightsize.allocation.size;

import io.rightsize.allocation.policy.TaskHeap;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A service's memory as a line in the pixels its task holds: {@code intercept + bytesPerPixel × held}, never
 * falling as the image grows, and extended linearly beyond the largest run it was fitted on. Trees and percentiles
 * answer any larger input with what the largest one needed; this answers with what the pixels need.
 *
 * <p>The line is a least-squares fit over the runs (slope and intercept at least 0), then scaled by two margins
 * calibrated on the same runs: {@code coverage}, so every run of the larger half lies under it, and, only beyond
 * the largest run, {@code extrapolation}, what fitting on the smaller half of the range fell short of the larger
 * half by (at least 10%). Where the runs span too narrow a range to show a slope, the line goes through the origin and the largest
 * run: the task's fixed memory then counts as if it grew with the pixels, which can only overestimate.
 *
 * @param runs how many runs it was fitted on
 */
public record MemoryBySize(double interceptBytes, double bytesPerPixel, double coverage, double extrapolation,
                           long largestHeldPixels, int runs) {

    /** Fewer runs than this say nothing about a slope. */
    public static final int MIN_RUNS = 3;
    /** The largest run must hold this much more than the smallest for a slope; else the line goes through 0. */
    static final double MIN_RANGE = 1.5;
    /** The extrapolation margin where the runs are too few to calibrate it (half of the range per side). */
    static final double DEFAULT_EXTRAPOLATION = 1.25;
    /**
     * The least extrapolation margin: a larger heap is collected differently (later, in larger regions), and no
     * run seen can show by how much.
     */
    static final double MIN_EXTRAPOLATION = 1.1;

    /** The model of these runs (those without a size or a peak left out), or empty with fewer than {@link #MIN_RUNS}. */
    public static Optional<MemoryBySize> fit(List<SizedRun> all) {
        SizedRun[] runs = all.stream().filter(r -> r.heldPixels() > 0 && r.peakBytes() > 0)
                .sorted(Comparator.comparingLong(SizedRun::heldPixels)).toArray(SizedRun[]::new);
        if (runs.length < MIN_RUNS) {
            return Optional.empty();
        }
        long largest = runs[runs.length - 1].heldPixels();
        Line line = Line.of(runs);
        double coverage = coverage(line, Arrays.copyOfRange(runs, runs.length / 2, runs.length));
        return Optional.of(new MemoryBySize(line.intercept(), line.slope(), coverage, extrapolation(runs, largest),
                largest, runs.length));
    }

    /** The peak a task holding {@code heldPixels} reaches, with the margins; beyond the largest run, extrapolated. */
    public long estimate(long heldPixels) {
        return (long) Math.ceil((interceptBytes + bytesPerPixel * heldPixels) * margin(heldPixels));
    }

    /** The peak as the line has it, without margins: the expected need, a request. */
    public long line(long heldPixels) {
        return (long) Math.ceil(interceptBytes + bytesPerPixel * heldPixels);
    }

    /**
     * The memory limit a task holding {@code heldPixels} runs to the end under, with the margins: the fixed part
     * as it is, the part that grows with the pixels (the image arrays, on the heap) over the heap's share of the
     * limit ({@link TaskHeap}). A limit at the peak alone leaves a task whose peak is mostly image arrays a heap a
     * quarter too small (seen: a 24 MP sharpen peaking at 1094 MiB was killed under 1158 MiB).
     */
    public long limit(long heldPixels) {
        return (long) Math.ceil(TaskHeap.limitFor(interceptBytes, bytesPerPixel * heldPixels)
                * margin(heldPixels));
    }

    private double margin(long heldPixels) {
        return coverage * (extrapolates(heldPixels) ? extrapolation : 1);
    }

    /** Whether {@code heldPixels} is beyond every run it was fitted on. */
    public boolean extrapolates(long heldPixels) {
        return heldPixels > largestHeldPixels;
    }

    /** How many times the largest run's pixels {@code heldPixels} is. */
    public double reach(long heldPixels) {
        return (double) heldPixels / largestHeldPixels;
    }

    /** The smallest factor that lifts the line over every one of these runs (at least 1). */
    private static double coverage(Line line, SizedRun[] runs) {
        double worst = 1;
        for (SizedRun run : runs) {
            worst = Math.max(worst, run.peakBytes() / line.at(run.heldPixels()));
        }
        return worst;
    }

    /**
     * How far a line fitted on the runs up to half the largest fell short of the runs above it, when each side has
     * enough runs; else {@link #DEFAULT_EXTRAPOLATION}. Never below {@link #MIN_EXTRAPOLATION}.
     */
    private static double extrapolation(SizedRun[] runs, long largest) {
        int split = 0;
        while (split < runs.length && runs[split].heldPixels() <= largest / 2) {
            split++;
        }
        if (split < MIN_RUNS || runs.length - split < 1) {
            return DEFAULT_EXTRAPOLATION;
        }
        SizedRun[] small = Arrays.copyOfRange(runs, 0, split);
        Line line = Line.of(small);
        double covered = coverage(line, Arrays.copyOfRange(small, small.length / 2, small.length));
        double worst = MIN_EXTRAPOLATION;
        for (int i = split; i < runs.length; i++) {
            worst = Math.max(worst, runs[i].peakBytes() / (line.at(runs[i].heldPixels()) * covered));
        }
        return worst;
    }

    /** A line that never falls: least squares with slope and intercept at least 0, or the chord through 0. */
    private record Line(double intercept, double slope) {

        static Line of(SizedRun[] sorted) {
            long smallest = sorted[0].heldPixels();
            SizedRun top = sorted[sorted.length - 1];
            double chord = (double) top.peakBytes() / top.heldPixels();
            if (top.heldPixels() < MIN_RANGE * smallest) {
                return new Line(0, chord);
            }
            double n = sorted.length;
            double meanX = Arrays.stream(sorted).mapToDouble(SizedRun::heldPixels).sum() / n;
            double meanY = Arrays.stream(sorted).mapToDouble(SizedRun::peakBytes).sum() / n;
            double sxy = 0;
            double sxx = 0;
            for (SizedRun run : sorted) {
                sxy += (run.heldPixels() - meanX) * (run.peakBytes() - meanY);
                sxx += (run.heldPixels() - meanX) * (run.heldPixels() - meanX);
            }
            double slope = sxy / sxx;
            if (slope <= 0) {
                // Memory that does not grow in the runs seen may still grow beyond them: assume it does.
                return new Line(0, chord);
            }
            double intercept = meanY - slope * meanX;
            if (intercept < 0) {
                // Through the origin instead: a task holds no negative memory at 0 pixels.
                double sxyOrigin = Arrays.stream(sorted).mapToDouble(r -> (double) r.heldPixels() * r.peakBytes())
                        .sum();
                double sxxOrigin = Arrays.stream(sorted).mapToDouble(r -> (double) r.heldPixels() * r.heldPixels())
                        .sum();
                return new Line(0, sxyOrigin / sxxOrigin);
            }
            return new Line(intercept, slope);
        }

        double at(long pixels) {
            return intercept + slope * pixels;
        }
    }
}
