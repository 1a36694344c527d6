package io.rightsize.allocation.recommend;

/**
 * Memory for an allocation that stands one horizon: the peak of the last horizon-long block, times a headroom plus
 * {@code growthWeight} times the largest rise between consecutive block peaks over the last {@code blocks} blocks.
 * A flat series gets the headroom only, one that has been growing room for more; asked again every horizon, it
 * follows a level that falls as well as one that rises.
 *
 * @param headroom     relative room over the recent peak that every series gets, for rises no block showed yet
 * @param growthWeight how many of the largest recent block-to-block rises to add: growth may go on, or speed up
 * @param blocks       how many block-to-block rises to look back over
 */
record RecentPeak(double headroom, double growthWeight, int blocks) {

    /** 3 % headroom, twice the largest rise of the last 4 blocks. */
    static final RecentPeak DEFAULT = new RecentPeak(0.03, 2, 4);

    RecentPeak {
        if (!(headroom >= 0) || !(growthWeight >= 0) || blocks < 1) {
            throw new IllegalArgumentException("need headroom >= 0, growthWeight >= 0, blocks >= 1; got " + headroom
                    + ", " + growthWeight + ", " + blocks);
        }
    }

    /** The limit for the block after {@code values} (at {@code timestamps}, increasing), blocks {@code block} long. */
    double limit(long[] timestamps, double[] values, long block) {
        long end = timestamps[timestamps.length - 1] + 1;
        double[] peaks = new double[blocks + 1];
        int i = values.length - 1;
        int filled = 0;
        for (int b = 0; b <= blocks && i >= 0; b++) {
            long start = end - (b + 1) * block;
            double peak = -1;
            while (i >= 0 && timestamps[i] >= start) {
                peak = Math.max(peak, values[i--]);
            }
            // An empty block (a gap in the samples) has no peak to compare: it ends the look back.
            if (peak < 0) {
                break;
            }
            peaks[filled++] = peak;
        }
        double rise = 0;
        for (int b = 0; b + 1 < filled; b++) {
            if (peaks[b + 1] > 0) {
                rise = Math.max(rise, peaks[b] / peaks[b + 1] - 1);
            }
        }
        return peaks[0] * (1 + headroom + growthWeight * rise);
    }
}
