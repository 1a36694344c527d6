package io.rightsize.allocation.backtest;

/** How one allocation fits one series' future: its unused share (slack) and the share of samples above it. */
record Fit(double slack, double overrun) {

    static Fit of(double allocation, double[] future) {
        double unused = 0;
        int idle = 0;
        int above = 0;
        for (double usage : future) {
            unused += Math.max(allocation - usage, 0);
            idle += usage <= 0 ? 1 : 0;
            above += usage > allocation ? 1 : 0;
        }
        // Nothing allocated is unused only where nothing was used: the limit of the ratio as the allocation -> 0+.
        double slack = allocation > 0 ? unused / (allocation * future.length) : (double) idle / future.length;
        return new Fit(slack, (double) above / future.length);
    }
}
