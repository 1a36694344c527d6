package io.rightsize.predictor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a stored task's parameters become what the model learns from: as Predict and Recommend will see them. */
class TrainingDataTest {

    @Test
    void readsTheNumericParametersOfAStoredTask() {
        assertEquals(Map.of("scale", 2.0), TrainingData.numericParams("{\"scale\": 2, \"note\": \"big\"}"));
        assertEquals(Map.of(), TrainingData.numericParams("{}"));
        assertEquals(Map.of(), TrainingData.numericParams("null"));
        assertEquals(Map.of(), TrainingData.numericParams(null));
    }

    @Test
    void fillsInTheDefaultsServingFillsIn() {
        assertEquals(Map.of("scale", 2.5), TrainingData.asServed("resize", Map.of()), "resize's default scale");
        assertEquals(Map.of("scale", 99.0), TrainingData.asServed("resize", Map.of("scale", 99.0)),
                "a value the catalog refuses now is learnt as it ran");
        assertEquals(Map.of("knob", 1.0), TrainingData.asServed("not-in-the-catalog", Map.of("knob", 1.0)));
    }
}
