package io.rightsize.tasks.ops;

import java.util.Map;

/** Reads resolved parameters, failing loudly if an operation is called without the catalog having resolved them. */
final class ParamValues {

    private ParamValues() {
    }

    static double number(Map<String, Double> params, String name) {
        Double value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing resolved param '" + name + "'");
        }
        return value;
    }

    static int integer(Map<String, Double> params, String name) {
        return (int) Math.round(number(params, name));
    }

    /**
     * How many times a light task repeats its computation. Repeating stretches a run that would otherwise end
     * within a second to the few seconds a once-a-second resource monitor needs; the output does not change.
     */
    static int passes(Map<String, Double> params) {
        int passes = integer(params, "passes");
        if (passes < 1) {
            throw new IllegalArgumentException("passes must be at least 1, got " + passes);
        }
        return passes;
    }
}
