package io.rightsize.predictor.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.rightsize.allocation.backtest.ScaledScore;
import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.model.Calibration;
import io.rightsize.predictor.model.ModelMetadata;
import io.rightsize.predictor.model.PeakCalibration;

/**
 * What a native image must keep for reflection: the model metadata Jackson reads and writes, and the Tribuo and OLCUT
 * classes a saved model names (Tribuo finds each one's {@code deserializeFromProto} by class name when loading).
 */
@RegisterForReflection(targets = {ModelMetadata.class, ModelMetadata.ResourceError.class,
        ModelMetadata.CandidateScore.class, ModelMetadata.BacktestScore.class, ScaledScore.class,
        ModelMetadata.InputRange.class, Calibration.class, PeakCalibration.class, Resource.class}, classNames = {
        "com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl",
        "com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance",
        "com.oracle.labs.mlrg.olcut.provenance.primitives.CharProvenance",
        "com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance",
        "com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance",
        "com.oracle.labs.mlrg.olcut.provenance.primitives.EnumProvenance",
        "com.oracle.labs.mlrg.olcut.provenance.primitives.FloatProvenance",
        "com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance",
        "com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance",
        "com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance",
        "org.tribuo.CategoricalIDInfo",
        "org.tribuo.DataSource",
        "org.tribuo.ImmutableFeatureMap",
        "org.tribuo.MutableDataset",
        "org.tribuo.common.sgd.FMParameters",
        "org.tribuo.common.tree.LeafNode",
        "org.tribuo.common.tree.TreeModel",
        "org.tribuo.common.xgboost.XGBoostModel",
        "org.tribuo.common.xgboost.XGBoostTrainer$BoosterType",
        "org.tribuo.common.xgboost.XGBoostTrainer$LoggingVerbosity",
        "org.tribuo.common.xgboost.XGBoostTrainer$TreeMethod",
        "org.tribuo.math.LinearParameters",
        "org.tribuo.math.la.DenseMatrix",
        "org.tribuo.math.la.DenseVector",
        "org.tribuo.math.optimisers.AdaGrad",
        "org.tribuo.provenance.DatasetProvenance",
        "org.tribuo.provenance.ModelProvenance",
        "org.tribuo.provenance.SimpleDataSourceProvenance",
        "org.tribuo.provenance.impl.TrainerProvenanceImpl",
        "org.tribuo.regression.ImmutableRegressionInfo",
        "org.tribuo.regression.RegressionFactory",
        "org.tribuo.regression.RegressionFactory$RegressionFactoryProvenance",
        "org.tribuo.regression.Regressor$DimensionTuple",
        "org.tribuo.regression.rtree.CARTRegressionTrainer",
        "org.tribuo.regression.rtree.IndependentRegressionTreeModel",
        "org.tribuo.regression.rtree.impurity.MeanSquaredError",
        "org.tribuo.regression.sgd.fm.FMRegressionModel",
        "org.tribuo.regression.sgd.fm.FMRegressionTrainer",
        "org.tribuo.regression.sgd.linear.LinearSGDModel",
        "org.tribuo.regression.sgd.linear.LinearSGDTrainer",
        "org.tribuo.regression.sgd.objectives.SquaredLoss",
        "org.tribuo.regression.xgboost.XGBoostRegressionConverter",
        "org.tribuo.regression.xgboost.XGBoostRegressionTrainer",
        "org.tribuo.regression.xgboost.XGBoostRegressionTrainer$RegressionType",
        "org.tribuo.transform.TransformTrainer",
        "org.tribuo.transform.TransformationMap",
        "org.tribuo.transform.TransformedModel",
        "org.tribuo.transform.TransformerMap",
        "org.tribuo.transform.TransformerMap$TransformerMapProvenance",
        "org.tribuo.transform.transformations.LinearScalingTransformation",
        "org.tribuo.transform.transformations.LinearScalingTransformation$LinearScalingTransformationProvenance",
        "org.tribuo.transform.transformations.LinearScalingTransformation$LinearScalingTransformer"})
public final class NativeImageRegistrations {

    private NativeImageRegistrations() {
    }
}
