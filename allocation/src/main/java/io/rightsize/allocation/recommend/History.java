package io.rightsize.allocation.recommend;

import java.util.Arrays;

/**
 * Checks a usage history once, so every recommender (also those in subpackages, such as VPA's port) refuses the same
 * bad input with the same message.
 */
public final class History {

    private History() {
    }

    /** {@code history} itself when it has a sample and every sample is finite and non-negative. */
    public static double[] requireValid(double[] history) {
        if (history == null || history.length == 0) {
            throw new IllegalArgumentException("history is empty: at least one usage sample is needed");
        }
        for (int i = 0; i < history.length; i++) {
            if (!Double.isFinite(history[i]) || history[i] < 0) {
                throw new IllegalArgumentException(
                        "history[" + i + "] is " + history[i] + ": usage must be finite and non-negative");
            }
        }
        return history;
    }

    static double max(double[] history) {
        return Arrays.stream(history).max().orElseThrow();
    }
}
