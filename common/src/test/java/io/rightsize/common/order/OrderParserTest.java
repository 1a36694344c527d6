package io.rightsize.common.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderParserTest {

    private final OrderParser parser = new OrderParser(OrderLimits.DEFAULT_MAX_JSON_BYTES);

    @Test
    void readsNamesAndNamedTasksWithParams() {
        OrderSpec spec = parser.parse("{\"id\": \"o1\", \"image\": \"a.png\", \"tasks\": [\"grayscale\","
                + " {\"name\": \"blur\", \"params\": {\"radius\": 8}}]}");
        assertEquals("o1", spec.id());
        assertEquals("a.png", spec.image());
        assertEquals(List.of(new TaskRequest("grayscale", Map.of()), new TaskRequest("blur", Map.of("radius", 8.0))),
                spec.tasks());
    }

    @Test
    void readsTheOriginalFieldNamesAndNumericIds() {
        OrderSpec spec = parser.parse("{\"orderID\": 42, \"image\": \"a.png\", \"required_tasks\": [\"sobel\"]}");
        assertEquals("42", spec.id());
        assertEquals("sobel", spec.tasks().get(0).name());
    }

    @Test
    void leavesAMissingIdEmptyForTheValidatorToGenerate() {
        assertEquals("", parser.parse("{\"image\": \"a.png\", \"tasks\": [\"sobel\"]}").id());
    }

    @Test
    void refusesWrongTypesNamingTheField() {
        assertRefused("{\"image\": 3, \"tasks\": []}", "image");
        assertRefused("{\"image\": \"a\", \"tasks\": \"blur\"}", "tasks");
        assertRefused("{\"image\": \"a\", \"tasks\": [7]}", "tasks[0]");
        assertRefused("{\"image\": \"a\", \"tasks\": [{\"params\": {}}]}", "tasks[0].name");
        assertRefused("{\"image\": \"a\", \"tasks\": [{\"name\": \"blur\", \"params\": [1]}]}", "tasks[0].params");
        assertRefused("{\"image\": \"a\", \"tasks\": [{\"name\": \"blur\", \"size\": 1}]}", "tasks[0].size");
        assertRefused("[1, 2]", "order");
        assertRefused("", "order");
    }

    @Test
    void refusesOversizedDocuments() {
        OrderParser small = new OrderParser(100);
        OrderValidationException e = assertThrows(OrderValidationException.class,
                () -> small.parse("{\"image\": \"" + "x".repeat(200) + "\", \"tasks\": [\"blur\"]}"));
        assertEquals("order", e.field());
    }

    private void assertRefused(String json, String field) {
        OrderValidationException e = assertThrows(OrderValidationException.class, () -> parser.parse(json));
        assertEquals(field, e.field(), e.getMessage());
    }
}
