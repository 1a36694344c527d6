package io.rightsize.cli.bench;

import java.util.Locale;

/** One benchmark figure, printed beside its target and the same-run limit it is measured against. */
record Figure(String name, double value, String unit, String target, String limit) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-52s %14.1f %-10s target: %-28s limit: %s", name, value, unit, target,
                limit);
    }
}
