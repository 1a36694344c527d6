package io.rightsize.fx.model;

import java.util.OptionalDouble;

/**
 * One resource of the task capacity as the Stack tab draws it: the text beside the bar, the share of the capacity
 * the running tasks reserve and, where cgroups measure it, the share they use now (both 0 to 1 for the bar).
 */
public record CapacityGauge(String text, double reservedFraction, OptionalDouble usedFraction) {

    /** A gauge of {@code reserved} and {@code used} (when known) out of {@code capacity}, fractions clamped to 0..1. */
    public static CapacityGauge of(String text, long capacity, long reserved, OptionalDouble used) {
        return new CapacityGauge(text, fraction(reserved, capacity),
                used.isPresent() ? OptionalDouble.of(fraction(used.getAsDouble(), capacity)) : OptionalDouble.empty());
    }

    private static double fraction(double part, long whole) {
        return whole <= 0 ? 0 : Math.max(0, Math.min(1, part / whole));
    }
}
