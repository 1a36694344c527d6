package io.rightsize.tasks.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskCatalogTest {

    @Test
    void listsTheSevenTasksInDocumentedOrder() {
        assertEquals(List.of("grayscale", "blur", "sharpen", "resize", "rotate", "sobel", "median"),
                List.copyOf(TaskCatalog.names()));
        assertEquals(TaskCatalog.names().size(), TaskCatalog.all().size());
    }

    @Test
    void findsTasksByExactLowerCaseName() {
        assertEquals("blur", TaskCatalog.find("blur").orElseThrow().name());
        assertTrue(TaskCatalog.find("Blur").isEmpty());
        assertTrue(TaskCatalog.find(" blur").isEmpty());
        assertTrue(TaskCatalog.find("posterize").isEmpty());
    }

    @Test
    void coversEveryProfile() {
        Set<Profile> profiles = Set.copyOf(TaskCatalog.all().stream().map(TaskDefinition::profile).toList());
        assertEquals(Set.of(Profile.values()), profiles);
    }

    @Test
    void documentsTheAgreedRangesAndDefaults() {
        assertSpec("blur", "radius", 1, 50, 8, true);
        assertSpec("sharpen", "amount", 0, 5, 1.5, false);
        assertSpec("sharpen", "radius", 1, 20, 4, true);
        assertSpec("resize", "scale", 0.1, 4, 2.5, false);
        assertSpec("rotate", "degrees", -360, 360, 30, false);
        assertSpec("sobel", "threshold", 0, 255, 0, false);
        assertSpec("median", "radius", 1, 8, 3, true);
    }

    @Test
    void resolvesDefaultsForEveryTask() {
        for (TaskDefinition task : TaskCatalog.all()) {
            assertEquals(task.params().size(), task.resolveParams(Map.of()).size(), task.name());
        }
    }

    @Test
    void refusesAnOutOfRangeRadiusForBlurNamingTheParam() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> TaskCatalog.find("blur").orElseThrow().resolveParams(Map.of("radius", 80.0)));
        assertEquals("radius", e.param());
        assertEquals("param 'radius': must be between 1 and 50, got 80", e.getMessage());
    }

    private static void assertSpec(String task, String param, double min, double max, double defaultValue,
                                   boolean integer) {
        ParamSpec spec = TaskCatalog.find(task).orElseThrow().params().stream()
                .filter(p -> p.name().equals(param)).findFirst().orElseThrow();
        assertEquals(min, spec.min(), task + "." + param);
        assertEquals(max, spec.max(), task + "." + param);
        assertEquals(defaultValue, spec.defaultValue(), task + "." + param);
        assertEquals(integer, spec.integer(), task + "." + param);
    }
}
