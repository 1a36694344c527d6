package io.rightsize.tasks.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskDefinitionTest {

    private final TaskDefinition task = new TaskDefinition("demo", "A task for tests.", Profile.LIGHT, List.of(
            new ParamSpec("radius", "Radius.", 1, 50, 8, true),
            new ParamSpec("amount", "Amount.", 0, 5, 1.5, false)));

    @Test
    void fillsInDefaultsForMissingParams() {
        assertEquals(Map.of("radius", 8.0, "amount", 1.5), task.resolveParams(Map.of()));
    }

    @Test
    void keepsGivenValuesAndListsParamsInDocumentedOrder() {
        Map<String, Double> resolved = task.resolveParams(Map.of("amount", 0.25));
        assertEquals(List.of("radius", "amount"), List.copyOf(resolved.keySet()));
        assertEquals(0.25, resolved.get("amount"));
    }

    @Test
    void acceptsTheBoundsOfTheRange() {
        assertEquals(1.0, task.resolveParams(Map.of("radius", 1.0)).get("radius"));
        assertEquals(50.0, task.resolveParams(Map.of("radius", 50.0)).get("radius"));
    }

    @Test
    void refusesAnUnknownParamByName() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> task.resolveParams(Map.of("sigma", 2.0)));
        assertEquals("sigma", e.param());
        assertEquals("unknown parameter for task 'demo' (known: radius, amount)", e.reason());
    }

    @Test
    void refusesAValueOutOfRangeWithAReadableMessage() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> task.resolveParams(Map.of("radius", 80.0)));
        assertEquals("radius", e.param());
        assertEquals("param 'radius': must be between 1 and 50, got 80", e.getMessage());
    }

    @Test
    void refusesAFractionForAnIntegerParam() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> task.resolveParams(Map.of("radius", 2.5)));
        assertEquals("radius", e.param());
        assertEquals("must be an integer, got 2.5", e.reason());
    }

    @Test
    void refusesNotANumberAndInfinity() {
        for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            InvalidParamException e = assertThrows(InvalidParamException.class,
                    () -> task.resolveParams(Map.of("amount", value)));
            assertEquals("amount", e.param());
        }
    }

    @Test
    void refusesAParamWithoutAValue() {
        Map<String, Double> given = new HashMap<>();
        given.put("amount", null);
        InvalidParamException e = assertThrows(InvalidParamException.class, () -> task.resolveParams(given));
        assertEquals("amount", e.param());
    }

    @Test
    void refusesAnyParamForATaskThatTakesNone() {
        TaskDefinition plain = new TaskDefinition("plain", "No params.", Profile.LIGHT, List.of());
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> plain.resolveParams(Map.of("radius", 1.0)));
        assertEquals("unknown parameter for task 'plain' (it takes none)", e.reason());
    }

    @Test
    void rejectsDuplicateParamNamesWhenDefined() {
        ParamSpec spec = new ParamSpec("radius", "Radius.", 1, 5, 2, true);
        assertThrows(IllegalArgumentException.class,
                () -> new TaskDefinition("twice", "Twice.", Profile.LIGHT, List.of(spec, spec)));
    }
}
