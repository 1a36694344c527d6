package io.rightsize.predictor.model;

import java.util.List;
import org.tribuo.Trainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.sgd.fm.FMRegressionTrainer;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;
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

    static final int EPOCHS = 15;

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
            case LINEAR -> scaled(new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.1, 0.1), EPOCHS,
                    lossInterval, 1, seed));
            case FACTORIZATION_MACHINE -> scaled(new FMRegressionTrainer(new SquaredLoss(), new AdaGrad(0.1, 0.1),
                    EPOCHS, lossInterval, 1, seed, 6, 0.1, false));
            case CART -> new CARTRegressionTrainer(12);
            case XGBOOST -> new XGBoostRegressionTrainer(XGBoostTrainer.BoosterType.GBTREE,
                    XGBoostTrainer.TreeMethod.HIST, XGBoostRegressionTrainer.RegressionType.LINEAR, 60, 0.3, 0, 6, 1,
                    1, 1, 1, 0, 1, XGBoostTrainer.LoggingVerbosity.SILENT, seed);
        };
    }

    private static Trainer<Regressor> scaled(Trainer<Regressor> inner) {
        return new TransformTrainer<>(inner, new TransformationMap(List.of(new LinearScalingTransformation(0, 1))));
    }
}
