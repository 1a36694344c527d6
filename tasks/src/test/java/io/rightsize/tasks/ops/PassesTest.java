package io.rightsize.tasks.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.rightsize.tasks.catalog.TaskCatalog;
import io.rightsize.tasks.catalog.TaskDefinition;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PassesTest {

    @Test
    void repeatingALightTaskDoesNotChangeItsOutput() {
        List<TaskDefinition> repeatable = TaskCatalog.all().stream()
                .filter(task -> task.params().stream().anyMatch(p -> p.name().equals("passes")))
                .toList();
        assertFalse(repeatable.isEmpty());
        BufferedImage in = TestImages.noise(18);
        for (TaskDefinition task : repeatable) {
            ImageOperation op = Operations.forTask(task.name()).orElseThrow();
            BufferedImage once = op.apply(in, task.resolveParams(Map.of("passes", 1.0)));
            BufferedImage thrice = op.apply(in, task.resolveParams(Map.of("passes", 3.0)));
            assertArrayEquals(argb(once), argb(thrice), task.name());
        }
    }

    private static int[] argb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
