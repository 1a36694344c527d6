package io.rightsize.predictor.model.candidate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each candidate's trainer is built from its named hyperparameters, and nonsense values are refused. */
class CandidateTest {

    @Test
    void everyCandidateHasItsOwnAlgorithmName() {
        assertEquals(Candidate.values().length,
                Arrays.stream(Candidate.values()).map(Candidate::algorithm).collect(Collectors.toSet()).size());
    }

    @Test
    void theTrainersCarryTheNamedValues() {
        Map<String, String> xgboost = config(XGBoostHyperparameters.STANDARD.trainer(7));
        assertEquals("60", xgboost.get("numTrees"));
        assertEquals("0.3", xgboost.get("eta"));
        assertEquals("6", xgboost.get("maxDepth"));
        assertEquals("1", xgboost.get("nThread"));
        assertEquals("7", xgboost.get("seed"));
        assertEquals("12", config(CartHyperparameters.STANDARD.trainer()).get("maxDepth"));
        Map<String, String> linear = config(SgdHyperparameters.STANDARD.linearTrainer(7, 250));
        assertEquals("15", linear.get("epochs"));
        assertEquals("250", linear.get("loggingInterval"));
        assertEquals("6", config(FactorizationMachineHyperparameters.STANDARD.trainer(7, 250)).get("factorizedDimSize"));
    }

    @Test
    void refusesValuesNoTrainerCouldUse() {
        assertThrows(IllegalArgumentException.class, () -> new SgdHyperparameters(0, 0.1, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SgdHyperparameters(15, 0, 0.1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new FactorizationMachineHyperparameters(SgdHyperparameters.STANDARD, 0, 0.1, false));
        assertThrows(IllegalArgumentException.class, () -> new CartHyperparameters(0));
        XGBoostHyperparameters x = XGBoostHyperparameters.STANDARD;
        assertThrows(IllegalArgumentException.class, () -> new XGBoostHyperparameters(x.booster(), x.treeMethod(),
                x.regressionType(), x.trees(), x.eta(), x.gamma(), x.maxDepth(), x.minChildWeight(), 1.5,
                x.featureSubsample(), x.lambda(), x.alpha(), x.threads(), x.verbosity()));
        assertThrows(IllegalArgumentException.class, () -> new XGBoostHyperparameters(x.booster(), x.treeMethod(),
                x.regressionType(), 0, x.eta(), x.gamma(), x.maxDepth(), x.minChildWeight(), x.subsample(),
                x.featureSubsample(), x.lambda(), x.alpha(), x.threads(), x.verbosity()));
    }

    /** A trainer's configuration as its provenance records it, and so as a saved model names it. */
    private static Map<String, String> config(org.tribuo.Trainer<?> trainer) {
        return trainer.getProvenance().getConfiguredParameters().entrySet().stream()
                .filter(e -> e.getValue() instanceof PrimitiveProvenance<?>)
                .collect(Collectors.toMap(Map.Entry::getKey,
                        e -> String.valueOf(((PrimitiveProvenance<?>) e.getValue()).getValue())));
    }
}
