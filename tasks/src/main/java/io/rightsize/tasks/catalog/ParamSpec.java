package io.rightsize.tasks.catalog;

import java.util.Objects;

/**
 * One numeric parameter of a task, with the range and default that let an order be checked without running it.
 *
 * @param name         lower-case name used in orders and on the command line
 * @param description  one sentence for humans
 * @param min          smallest accepted value, inclusive
 * @param max          largest accepted value, inclusive
 * @param defaultValue used when an order does not give the parameter
 * @param integer      whether only whole numbers are accepted
 */
public record ParamSpec(String name, String description, double min, double max, double defaultValue,
                        boolean integer) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (name.isBlank()) {
            throw new IllegalArgumentException("param name must not be blank");
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException("param '" + name + "': min must not exceed max");
        }
        if (!(defaultValue >= min && defaultValue <= max) || (integer && defaultValue != Math.rint(defaultValue))) {
            throw new IllegalArgumentException("param '" + name + "': default is not an accepted value");
        }
    }

    /** One line for help texts, e.g. {@code radius=1..50 (integer, default 8): Kernel radius in pixels.} */
    public String summary() {
        return name + "=" + NumberText.of(min) + ".." + NumberText.of(max) + " (" + (integer ? "integer, " : "")
                + "default " + NumberText.of(defaultValue) + "): " + description;
    }

    /**
     * Checks one given value against this spec.
     *
     * @throws InvalidParamException naming this parameter when the value is not finite, out of range or fractional
     *                               where an integer is required
     */
    public void validate(double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidParamException(name, "must be a finite number, got " + NumberText.of(value));
        }
        if (value < min || value > max) {
            throw new InvalidParamException(name, "must be between " + NumberText.of(min) + " and "
                    + NumberText.of(max) + ", got " + NumberText.of(value));
        }
        if (integer && value != Math.rint(value)) {
            throw new InvalidParamException(name, "must be an integer, got " + NumberText.of(value));
        }
    }
}
