package io.rightsize.allocation.recommend;

/** Robusta KRR's simple strategy: CPU p95 with no margin, memory peak + 15 %. */
final class KrrRecommender implements Recommender {

    private static final double MEMORY_BUFFER = 1.15;

    @Override
    public String name() {
        return "krr";
    }

    @Override
    public String description() {
        return "Robusta KRR's simple strategy: CPU p95, memory peak + 15%";
    }

    @Override
    public Recommendation recommend(ResourceKind kind, double[] history) {
        History.requireValid(history);
        return Recommendation.of(switch (kind) {
            case CPU -> Quantiles.linear(history, 0.95);
            case MEMORY -> History.max(history) * MEMORY_BUFFER;
        });
    }
}
