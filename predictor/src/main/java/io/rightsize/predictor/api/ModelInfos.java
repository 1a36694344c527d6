package io.rightsize.predictor.api;

import io.rightsize.api.v1.BacktestRow;
import io.rightsize.api.v1.CandidateResult;
import io.rightsize.api.v1.EqualOverrun;
import io.rightsize.api.v1.ModelInfo;
import io.rightsize.api.v1.RecommenderInfo;
import io.rightsize.api.v1.Resource;
import io.rightsize.api.v1.ResourceError;
import io.rightsize.client.mapping.TimestampMapper;
import io.rightsize.predictor.model.ModelMetadata;
import io.rightsize.predictor.recommend.RecommenderRegistry;
import java.util.List;

/** Model metadata as the rightsize.v1 ModelInfo message. */
final class ModelInfos {

    private ModelInfos() {
    }

    static ModelInfo of(ModelMetadata m, String defaultRecommender) {
        ModelInfo.Builder b = ModelInfo.newBuilder()
                .setPresent(true)
                .setVersion("v" + m.version())
                .setAlgorithm(m.algorithm())
                .setTrainingRows(m.trainingRows())
                .setValidationRows(m.validationRows())
                .setTrainedAt(TimestampMapper.toProto(m.trainedAt()))
                .setTargetCoverage(m.calibration().coverage())
                .setTribuoVersion(m.tribuoVersion())
                .setDefaultRecommender(defaultRecommender)
                .addAllServices(m.services())
                .addAllParamFeatures(m.paramFeatures() == null ? List.of() : m.paramFeatures());
        m.errors().forEach(e -> b.addErrors(ResourceError.newBuilder().setResource(Resource.valueOf(e.resource().name()))
                .setRmse(e.rmse()).setMae(e.mae()).setCoverage(e.coverage())));
        m.candidates().forEach(c -> b.addCandidates(CandidateResult.newBuilder().setAlgorithm(c.algorithm())
                .setScaledRmse(c.scaledRmse()).setTrainSeconds(c.trainSeconds())));
        m.backtest().forEach(s -> {
            BacktestRow.Builder row = BacktestRow.newBuilder().setRecommender(s.recommender())
                    .setResource(Resource.valueOf(s.resource().name())).setSlackPct(s.slackPct())
                    .setOverrunPct(s.overrunPct()).setSeries(s.series()).setCost(s.cost());
            if (s.lostTimePct() != null) {
                row.setLostTimePct(s.lostTimePct());
            }
            if (s.equalOverrun() != null) {
                row.setEqualOverrun(EqualOverrun.newBuilder().setFactor(s.equalOverrun().factor())
                        .setSlackPct(s.equalOverrun().slackPct()).setOverrunPct(s.equalOverrun().overrunPct()));
            }
            b.addBacktest(row);
        });
        return b.addAllRecommenders(recommenders()).build();
    }

    /** The registry as GetModel sends it. */
    static List<RecommenderInfo> recommenders() {
        return RecommenderRegistry.all().stream().map(e -> RecommenderInfo.newBuilder().setName(e.name())
                .setDescription(e.description()).setNeedsModel(e.needsModel()).build()).toList();
    }
}
