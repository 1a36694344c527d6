package io.rightsize.allocation.policy;

import java.util.Locale;

/** Memory as people read it in a refusal or a basis: "548 MiB", "2.6 GiB". */
public final class Bytes {

    private Bytes() {
    }

    public static String text(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        return (long) Math.ceil(bytes / (double) (1L << 20)) + " MiB";
    }
}
