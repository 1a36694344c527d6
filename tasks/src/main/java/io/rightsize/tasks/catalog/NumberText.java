package io.rightsize.tasks.catalog;

import java.math.BigDecimal;

/** Formats numbers the way a person wrote them ("80", not "80.0") so error messages echo the order faithfully. */
final class NumberText {

    private NumberText() {
    }

    static String of(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
