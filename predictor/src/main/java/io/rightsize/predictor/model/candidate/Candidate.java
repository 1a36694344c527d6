package io.rightsize.predictor.model.candidate;

import java.util.List;
import org.tribuo.Trainer;
import org.tribuo.regression.Regressor;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.LinearScalingTransformation;

/**
 * The algorithms that compete in every training run. SGD models get features scaled to [0,1] first (a
 * factorization machine on raw elapsed seconds does not converge); trees do not need it.
 */
public enum Candidate {
    LINEAR("linear-sgd"),
    FACTORIZATION_MACHINE("factorization-machine"),
    CART("cart-tree"),
    XGBOOST("xgboost");

    private final String algorithm;

    Candidate(String algorithm) {
        this.algorithm = algorithm;
    }

    public String algorithm() {
        return algorithm;
    }

    /** {@code lossInterval}: examples between two reported training-loss points of an SGD candidate. */
    public Trainer<Regressor> trainer(long seed, int lossInterval) {
        return switch (this) {
            case LINEAR -> scaled(SgdHyperparameters.STANDARD.linearTrainer(seed, lossInterval));
            case FACTORIZATION_MACHINE -> scaled(FactorizationMachineHyperparameters.STANDARD.trainer(seed,
                    lossInterval));
            case CART -> CartHyperparameters.STANDARD.trainer();
            case XGBOOST -> XGBoostHyperparameters.STANDARD.trainer(seed);
        };
    }

    private static Trainer<Regressor> scaled(Trainer<Regressor> inner) {
        return new TransformTrainer<>(inner, new TransformationMap(List.of(new LinearScalingTransformation(0, 1))));
    }
}
