package io.rightsize.allocation.recommend;

/** Kubernetes VPA's recommender as the issue states it: CPU p90 + 15 %, memory peak + 15 %. */
final class VpaRecommender implements Recommender {

    private static final double SAFETY_MARGIN = 1.15;

    @Override
    public String name() {
        return "vpa";
    }

    @Override
    public String description() {
        return "Kubernetes VPA's rule as simplified here: CPU p90 + 15%, memory peak + 15%";
    }

    @Override
    public Recommendation recommend(ResourceKind kind, double[] history) {
        History.requireValid(history);
        double base = switch (kind) {
            case CPU -> Quantiles.linear(history, 0.90);
            case MEMORY -> History.max(history);
        };
        return Recommendation.of(base * SAFETY_MARGIN);
    }
}
