package io.rightsize.allocation.trace;

/**
 * One service's samples of one resource in time order ({@code timestamps} in Unix seconds, strictly
 * increasing; {@code values} finite and non-negative, in the resource's unit).
 */
public record Series(String service, String resource, long[] timestamps, double[] values) {

    public Series {
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException(service + "/" + resource + ": " + timestamps.length
                    + " timestamps but " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0 && timestamps[i] <= timestamps[i - 1]) {
                throw new IllegalArgumentException(service + "/" + resource
                        + ": timestamps must be strictly increasing, " + timestamps[i] + " follows " + timestamps[i - 1]);
            }
            if (!Double.isFinite(values[i]) || values[i] < 0) {
                throw new IllegalArgumentException(service + "/" + resource + " at " + timestamps[i]
                        + ": value must be finite and non-negative, got " + values[i]);
            }
        }
    }
}
