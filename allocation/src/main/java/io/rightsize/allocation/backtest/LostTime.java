package io.rightsize.allocation.backtest;

import io.rightsize.allocation.recommend.ResourceKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The time tasks lose by running short of an allocation, in percent of their run time: what the backtest prices
 * above slack. Running short costs each resource differently: a run whose memory passes its limit is OOM-killed
 * and loses its whole attempt (it runs again from the start), while a second of CPU above the limit is throttled
 * and loses only the excess (usage ÷ limit − 1 of a second).
 */
public final class LostTime {

    private final ResourceKind kind;
    private final Map<String, Run> runs = new LinkedHashMap<>();

    public LostTime(ResourceKind kind) {
        this.kind = kind;
    }

    /** One sample of a run: what was allocated and what was used. */
    public void add(String run, double allocation, double usage) {
        Run r = runs.computeIfAbsent(run, k -> new Run());
        r.samples++;
        if (usage > allocation) {
            r.short_ = true;
            r.throttledSeconds += allocation > 0 ? usage / allocation - 1 : 1;
        }
    }

    /** Percent of all runs' time lost; 0 with no sample. */
    public double percent() {
        double lost = 0;
        long samples = 0;
        for (Run r : runs.values()) {
            samples += r.samples;
            if (kind == ResourceKind.MEMORY) {
                lost += r.short_ ? r.samples : 0;
            } else {
                lost += r.throttledSeconds;
            }
        }
        return samples == 0 ? 0 : 100 * lost / samples;
    }

    private static final class Run {
        long samples;
        boolean short_;
        double throttledSeconds;
    }
}
