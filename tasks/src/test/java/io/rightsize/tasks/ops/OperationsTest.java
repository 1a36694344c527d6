package io.rightsize.tasks.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.tasks.catalog.TaskCatalog;
import org.junit.jupiter.api.Test;

class OperationsTest {

    @Test
    void hasAnOperationForEveryCatalogTask() {
        for (String name : TaskCatalog.names()) {
            assertTrue(Operations.forTask(name).isPresent(), name);
        }
    }

    @Test
    void hasNoOperationForAnUnknownName() {
        assertTrue(Operations.forTask("posterize").isEmpty());
    }
}
