package io.rightsize.predictor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.features.FeatureSpace;
import io.rightsize.predictor.features.UsageRow;
import io.rightsize.predictor.model.candidate.Candidate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** Tribuo's evaluator gives the errors the textbook formulas give, per resource, and coverage counts the bound. */
class HeldOutEvaluationTest {

    private static Model<Regressor> model;

    @BeforeAll
    static void train() {
        List<UsageRow> rows = GeneratedUsage.orders(4, 3);
        FeatureSpace features = new FeatureSpace(Set.of("blur", "resize", "grayscale"), List.of());
        MutableDataset<Regressor> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("evaluation test", new RegressionFactory()), new RegressionFactory());
        rows.forEach(row -> data.add(features.example(row, row.inputPixels(), row.value() / 1e6)));
        model = Candidate.CART.trainer(1, 1000).train(data);
    }

    @Test
    void rmseAndMaePerResourceAndCoverageUnderTheBound() {
        List<Calibration.Residual> residuals = List.of(
                new Calibration.Residual("blur", Resource.CPU_MILLICORES, 100, 30),
                new Calibration.Residual("blur", Resource.CPU_MILLICORES, 200, -40),
                new Calibration.Residual("blur", Resource.MEMORY_BYTES, 1000, 0));
        // A bound 20 above each prediction: the CPU sample 30 over escapes it, the one 40 under does not.
        Calibration calibration = new Calibration(0.95, Map.of(), Map.of(Resource.CPU_MILLICORES, 20.0,
                Resource.MEMORY_BYTES, 20.0), null);

        List<ModelMetadata.ResourceError> errors = HeldOutEvaluation.errors(model, residuals, calibration);

        assertEquals(2, errors.size(), "only resources with residuals");
        ModelMetadata.ResourceError cpu = errors.get(0);
        assertEquals(Resource.CPU_MILLICORES, cpu.resource());
        assertEquals(Math.sqrt((30.0 * 30 + 40.0 * 40) / 2), cpu.rmse(), 1e-9);
        assertEquals(35, cpu.mae(), 1e-9);
        assertEquals(0.5, cpu.coverage());
        assertEquals(new ModelMetadata.ResourceError(Resource.MEMORY_BYTES, 0, 0, 1), errors.get(1));
    }

    @Test
    void candidatesAreComparedOnScaledTargetsWithNegativeAnswersCountedAsZero() {
        List<UsageRow> rows = GeneratedUsage.orders(2, 5).subList(0, 2);
        Map<Resource, Double> scales = new EnumMap<>(Resource.class);
        for (Resource resource : Resource.values()) {
            scales.put(resource, 2.0);
        }
        double[] predicted = {rows.get(0).value() / 2 + 0.3, -5};
        double second = rows.get(1).value() / 2;
        assertEquals(Math.sqrt((0.3 * 0.3 + second * second) / 2),
                HeldOutEvaluation.scaledRmse(model, predicted, rows, scales), 1e-9);
    }
}
