package io.rightsize.allocation.recommend;

/** VPA reduced to one line, the bar to beat: CPU p90 + 15 %, memory peak + 15 % (no histogram, decay or minimums). */
final class VpaSimpleRecommender implements Recommender {

    private static final double SAFETY_MARGIN = 1.15;

    @Override
    public String name() {
        return "vpa-simple";
    }

    @Override
    public String description() {
        return "VPA reduced to one line: CPU p90 + 15%, memory peak + 15%";
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
