package io.rightsize.allocation.recommend;

/** KRR reduced to one line: CPU p95 with no margin, memory peak + 15 % (no minimum history). */
final class KrrSimpleRecommender implements Recommender {

    private static final double MEMORY_BUFFER = 1.15;

    @Override
    public String name() {
        return "krr-simple";
    }

    @Override
    public String description() {
        return "KRR reduced to one line: CPU p95, memory peak + 15%";
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
