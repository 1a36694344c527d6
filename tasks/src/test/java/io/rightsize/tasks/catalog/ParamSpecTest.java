package io.rightsize.tasks.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParamSpecTest {

    @Test
    void rejectsADefaultOutsideItsOwnRange() {
        assertThrows(IllegalArgumentException.class, () -> new ParamSpec("scale", "Scale.", 0.1, 4, 5, false));
    }

    @Test
    void rejectsAFractionalDefaultForAnIntegerParam() {
        assertThrows(IllegalArgumentException.class, () -> new ParamSpec("radius", "Radius.", 1, 5, 2.5, true));
    }

    @Test
    void rejectsAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> new ParamSpec("radius", "Radius.", 5, 1, 3, true));
    }

    @Test
    void summarisesRangeAndDefaultWithoutTrailingZeros() {
        ParamSpec spec = new ParamSpec("scale", "Factor.", 0.1, 4, 2.5, false);
        assertEquals("scale=0.1..4 (default 2.5): Factor.", spec.summary());
        assertEquals("radius=1..50 (integer, default 8): Radius.",
                new ParamSpec("radius", "Radius.", 1, 50, 8, true).summary());
    }
}
