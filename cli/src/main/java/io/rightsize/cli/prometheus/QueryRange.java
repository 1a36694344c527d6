package io.rightsize.cli.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation times of a range query: {@code start}, {@code start + step}, ... {@code end}, in Unix seconds,
 * all multiples of the step, so each point covers one whole step and the same data gives the same points whenever
 * it is asked for.
 */
public record QueryRange(long startSeconds, long endSeconds, long stepSeconds) {

    /** Prometheus refuses a range query with more points per series than this. */
    public static final int MAX_POINTS = 11_000;

    public QueryRange {
        if (stepSeconds < 1 || startSeconds > endSeconds || startSeconds % stepSeconds != 0
                || endSeconds % stepSeconds != 0) {
            throw new IllegalArgumentException("need a step of at least 1 s and start <= end, both multiples of the"
                    + " step; got " + startSeconds + ".." + endSeconds + " step " + stepSeconds);
        }
    }

    /** The steps that ended in the {@code since} before {@code now}. */
    public static QueryRange last(Duration since, Duration step, Instant now) {
        if (step.getSeconds() < 1 || step.getNano() != 0) {
            throw new IllegalArgumentException("the step must be whole seconds, at least 1, got " + step);
        }
        if (since.compareTo(step) < 0) {
            throw new IllegalArgumentException("--since " + since + " is shorter than one step " + step);
        }
        long s = step.getSeconds();
        long end = Math.floorDiv(now.getEpochSecond(), s) * s;
        return new QueryRange(end - since.getSeconds() / s * s, end, s);
    }

    public long points() {
        return (endSeconds - startSeconds) / stepSeconds + 1;
    }

    /** Consecutive ranges of at most {@code maxPoints} points each that together hold every point of this one. */
    public List<QueryRange> chunks(int maxPoints) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("a chunk needs at least one point, got " + maxPoints);
        }
        List<QueryRange> chunks = new ArrayList<>();
        for (long start = startSeconds; start <= endSeconds; start += maxPoints * stepSeconds) {
            chunks.add(new QueryRange(start, Math.min(endSeconds, start + (maxPoints - 1L) * stepSeconds),
                    stepSeconds));
        }
        return chunks;
    }

    @Override
    public String toString() {
        return Instant.ofEpochSecond(startSeconds) + " to " + Instant.ofEpochSecond(endSeconds) + " every "
                + stepSeconds + " s";
    }
}
