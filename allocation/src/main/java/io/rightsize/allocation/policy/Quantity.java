package io.rightsize.allocation.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU and memory written as Kubernetes quantities ({@code 1500m}, {@code 2}, {@code 3Gi}, {@code 512M}), so a
 * capacity reads the same in a setting, on the command line and in a manifest.
 */
public final class Quantity {

    private static final Pattern FORM = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([a-zA-Z]*)");
    private static final Map<String, BigDecimal> MEMORY_SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("k", BigDecimal.valueOf(1_000L)), Map.entry("M", BigDecimal.valueOf(1_000_000L)),
            Map.entry("G", BigDecimal.valueOf(1_000_000_000L)), Map.entry("T", BigDecimal.valueOf(1_000_000_000_000L)),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)));

    private Quantity() {
    }

    /** Cores ({@code 2}, {@code 0.5}) or millicores ({@code 1500m}) as millicores, rounded up. */
    public static long cpuMillicores(String text) {
        Matcher m = match(text, "CPU", "2, 0.5 or 1500m");
        BigDecimal number = new BigDecimal(m.group(1));
        BigDecimal millicores = switch (m.group(2)) {
            case "" -> number.movePointRight(3);
            case "m" -> number;
            default -> throw new IllegalArgumentException("CPU '" + text + "': unknown unit '" + m.group(2)
                    + "'; write cores (2, 0.5) or millicores (1500m)");
        };
        return positive(millicores, text, "CPU");
    }

    /** Bytes with a binary ({@code Ki Mi Gi Ti}) or decimal ({@code k M G T}) suffix, or none, as bytes. */
    public static long memoryBytes(String text) {
        Matcher m = match(text, "memory", "3Gi, 512Mi or 1073741824");
        BigDecimal factor = MEMORY_SUFFIXES.get(m.group(2));
        if (factor == null) {
            throw new IllegalArgumentException("memory '" + text + "': unknown unit '" + m.group(2)
                    + "'; write Ki, Mi, Gi, Ti, k, M, G, T or plain bytes");
        }
        return positive(new BigDecimal(m.group(1)).multiply(factor), text, "memory");
    }

    /** Millicores as a quantity people read: {@code 1500m}, {@code 2} for whole cores. */
    public static String cpuText(long millicores) {
        return millicores % 1000 == 0 ? Long.toString(millicores / 1000) : millicores + "m";
    }

    /** Bytes as a Kubernetes quantity: {@code 2Gi}, {@code 512Mi}, else {@code 1536Ki} or plain bytes. */
    public static String memoryText(long bytes) {
        for (String suffix : new String[] {"Ti", "Gi", "Mi", "Ki"}) {
            long unit = MEMORY_SUFFIXES.get(suffix).longValueExact();
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + suffix;
            }
        }
        return Long.toString(bytes);
    }

    private static Matcher match(String text, String what, String examples) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a quantity; write e.g. " + examples);
        }
        return m;
    }

    private static long positive(BigDecimal value, String text, String what) {
        long rounded = value.setScale(0, RoundingMode.CEILING).longValueExact();
        if (rounded <= 0) {
            throw new IllegalArgumentException(what + " '" + text + "' must be above 0");
        }
        return rounded;
    }
}
