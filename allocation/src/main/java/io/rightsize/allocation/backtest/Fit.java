package io.rightsize.allocation.backtest;

/** How one series' allocations fit its usage: their unused share (slack) and the share of samples above them. */
record Fit(double slack, double overrun) {

    /** Sample i (of the first {@code n}) had {@code factor * allocations[i]} and used {@code usage[i]}. */
    static Fit of(double[] allocations, double[] usage, int n, double factor) {
        double unused = 0;
        double allocated = 0;
        int idle = 0;
        int above = 0;
        for (int i = 0; i < n; i++) {
            double allocation = factor * allocations[i];
            unused += Math.max(allocation - usage[i], 0);
            allocated += allocation;
            idle += usage[i] <= 0 ? 1 : 0;
            above += usage[i] > allocation ? 1 : 0;
        }
        // Nothing allocated is unused only where nothing was used: the limit of the ratio as the allocation -> 0+.
        double slack = allocated > 0 ? unused / allocated : (double) idle / n;
        return new Fit(slack, (double) above / n);
    }
}
