package io.rightsize.predictor.model;

import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.features.FeatureSpace;
import io.rightsize.predictor.features.UsageRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;

/** How far a model's answers on held-out rows are from what happened: Tribuo's RMSE and MAE, and our coverage. */
final class HeldOutEvaluation {

    private static final Regressor DIMENSION = new Regressor(FeatureSpace.OUTPUT, Double.NaN);
    private static final DataProvenance HELD_OUT = new SimpleDataSourceProvenance("held-out orders",
            new RegressionFactory());

    private HeldOutEvaluation() {
    }

    /** Predicts a whole list in one call: per-example calls cost XGBoost a native matrix each. */
    static double[] predictScaled(Model<Regressor> model, List<Example<Regressor>> examples) {
        return model.predict(examples).stream().mapToDouble(p -> p.getOutput().getValues()[0]).toArray();
    }

    /** A candidate's error on rows of every resource, each scaled: what the candidates are compared by. */
    static double scaledRmse(Model<Regressor> model, double[] predictedScaled, List<UsageRow> rows,
                             Map<Resource, Double> scales) {
        if (rows.isEmpty()) {
            return Double.NaN;
        }
        double[] actual = new double[rows.size()];
        double[] predicted = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            UsageRow row = rows.get(i);
            actual[i] = row.value() / scales.get(row.resource());
            predicted[i] = Math.max(0, predictedScaled[i]);
        }
        return evaluate(model, actual, predicted).rmse(DIMENSION);
    }

    /** Error and coverage per resource, on residuals the calibration was not fitted on (when there are any). */
    static List<ModelMetadata.ResourceError> errors(Model<Regressor> model, List<Calibration.Residual> residuals,
                                                    Calibration calibration) {
        List<ModelMetadata.ResourceError> errors = new ArrayList<>();
        for (Resource resource : Resource.demand()) {
            List<Calibration.Residual> ofResource = residuals.stream().filter(r -> r.resource() == resource).toList();
            if (ofResource.isEmpty()) {
                continue;
            }
            double[] actual = new double[ofResource.size()];
            double[] predicted = new double[ofResource.size()];
            int covered = 0;
            for (int i = 0; i < ofResource.size(); i++) {
                Calibration.Residual r = ofResource.get(i);
                actual[i] = r.predicted() + r.error();
                predicted[i] = r.predicted();
                if (actual[i] <= calibration.bound(r.service(), resource, r.predicted())) {
                    covered++;
                }
            }
            RegressionEvaluation evaluation = evaluate(model, actual, predicted);
            errors.add(new ModelMetadata.ResourceError(resource, evaluation.rmse(DIMENSION),
                    evaluation.mae(DIMENSION), (double) covered / ofResource.size()));
        }
        return errors;
    }

    /** The held-out samples as the predicted-against-actual plot shows them, both scaled per resource. */
    static List<TrainingResult.ValidationPoint> validationPoints(List<Calibration.Residual> residuals,
                                                                 Map<Resource, Double> scales) {
        return residuals.stream()
                .map(r -> new TrainingResult.ValidationPoint(r.resource().wireName(),
                        (r.predicted() + r.error()) / scales.get(r.resource()),
                        r.predicted() / scales.get(r.resource())))
                .toList();
    }

    /** {@code model} gives the output dimension and the provenance; the answers are {@code predicted}, as served. */
    private static RegressionEvaluation evaluate(Model<Regressor> model, double[] actual, double[] predicted) {
        List<Prediction<Regressor>> predictions = new ArrayList<>(actual.length);
        for (int i = 0; i < actual.length; i++) {
            predictions.add(new Prediction<>(new Regressor(FeatureSpace.OUTPUT, predicted[i]), 0,
                    new ArrayExample<>(new Regressor(FeatureSpace.OUTPUT, actual[i]))));
        }
        return new RegressionEvaluator().evaluate(model, predictions, HELD_OUT);
    }
}
