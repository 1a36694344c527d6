package io.rightsize.allocation.recommend;

import java.util.List;
import java.util.Optional;

/** The recommenders by name: the three baselines and Rightsize's own, with its default risks. */
public final class Recommenders {

    private static final List<Recommender> ALL = List.of(new SeedMaxRecommender(), new VpaRecommender(),
            new KrrRecommender(), new RightsizeRecommender());

    private Recommenders() {
    }

    /** seed-max, vpa, krr and rightsize, in that order (baselines first, as backtest tables list them). */
    public static List<Recommender> all() {
        return ALL;
    }

    public static Optional<Recommender> byName(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
