package io.rightsize.allocation.recommend;

/**
 * The seed system's rule, kept as the baseline to beat: the history's peak rounded up to a multiple of 10 (10
 * millicores, 10 MiB).
 */
final class SeedMaxRecommender implements Recommender {

    @Override
    public String name() {
        return "seed-max";
    }

    @Override
    public String description() {
        return "the seed system's rule: the history's peak, rounded up to a multiple of 10 (millicores, MiB)";
    }

    @Override
    public Recommendation recommend(ResourceKind kind, double[] history) {
        double step = kind == ResourceKind.CPU ? 10 : 10 * 1048576.0;
        return Recommendation.of(Math.ceil(History.max(History.requireValid(history)) / step) * step);
    }
}
