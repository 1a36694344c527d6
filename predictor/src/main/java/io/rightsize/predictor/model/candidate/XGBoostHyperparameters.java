package io.rightsize.predictor.model.candidate;

import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer.RegressionType;

/**
 * Gradient-boosted trees; where a value is XGBoost's own default it says so, since that is why it was kept.
 *
 * @param booster          boosted trees, not a boosted linear model: usage steps with input size and elapsed time
 * @param treeMethod       histogram splits: fast on continuous features such as pixels and seconds
 * @param regressionType   squared error, the loss the candidates are compared by
 * @param trees            boosting rounds: each adds a tree, so training time and the saved model grow with them
 * @param eta              shrinkage of each round's step (XGBoost's default)
 * @param gamma            loss reduction a split must bring (XGBoost's default: none, depth bounds the trees)
 * @param maxDepth         deepest split of each tree (XGBoost's default)
 * @param minChildWeight   least hessian weight in a leaf (XGBoost's default)
 * @param subsample        share of rows each tree sees (XGBoost's default: all)
 * @param featureSubsample share of features each tree sees (XGBoost's default: all)
 * @param lambda           L2 penalty on leaf weights (XGBoost's default)
 * @param alpha            L1 penalty on leaf weights (XGBoost's default: none)
 * @param threads          one: Predict and Recommend ask about a row at a time, which more threads only slow
 * @param verbosity        silent: the native library's chatter is not one of our log lines
 */
public record XGBoostHyperparameters(BoosterType booster, TreeMethod treeMethod, RegressionType regressionType,
                                     int trees, double eta, double gamma, int maxDepth, double minChildWeight,
                                     double subsample, double featureSubsample, double lambda, double alpha,
                                     int threads, LoggingVerbosity verbosity) {

    /** What every training run uses. */
    public static final XGBoostHyperparameters STANDARD = new XGBoostHyperparameters(BoosterType.GBTREE,
            TreeMethod.HIST, RegressionType.LINEAR, 60, 0.3, 0, 6, 1, 1, 1, 1, 0, 1, LoggingVerbosity.SILENT);

    public XGBoostHyperparameters {
        if (trees < 1 || maxDepth < 1 || threads < 1) {
            throw new IllegalArgumentException("trees, maxDepth and threads must be at least 1, got " + trees + ", "
                    + maxDepth + " and " + threads);
        }
        if (!(subsample > 0 && subsample <= 1) || !(featureSubsample > 0 && featureSubsample <= 1)) {
            throw new IllegalArgumentException("subsample and featureSubsample must be in (0, 1], got " + subsample
                    + " and " + featureSubsample);
        }
        if (!(eta > 0) || gamma < 0 || minChildWeight < 0 || lambda < 0 || alpha < 0) {
            throw new IllegalArgumentException("eta must be positive and gamma, minChildWeight, lambda and alpha not"
                    + " negative");
        }
    }

    XGBoostRegressionTrainer trainer(long seed) {
        return new XGBoostRegressionTrainer(booster, treeMethod, regressionType, trees, eta, gamma, maxDepth,
                minChildWeight, subsample, featureSubsample, lambda, alpha, threads, verbosity, seed);
    }
}
