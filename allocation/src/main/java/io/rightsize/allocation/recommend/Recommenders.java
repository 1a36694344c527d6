package io.rightsize.allocation.recommend;

import io.rightsize.allocation.recommend.vpa.VpaRecommender;
import java.util.List;
import java.util.Optional;

/** The recommenders by name: the baselines and Rightsize's own, with its default risks. */
public final class Recommenders {

    /**
     * What a service falls back to where nothing better answers, and what every recommender is compared with at
     * equal overrun: the bar to beat.
     */
    public static final String FALLBACK = "vpa-simple";

    private static final List<Recommender> ALL = List.of(new SeedMaxRecommender(), new VpaRecommender(),
            new VpaSimpleRecommender(), new KrrRecommender(), new KrrSimpleRecommender(), new RightsizeRecommender());

    private Recommenders() {
    }

    /** The baselines first (each faithful port before its one-line reduction), then rightsize, as tables list them. */
    public static List<Recommender> all() {
        return ALL;
    }

    public static Optional<Recommender> byName(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The {@link #FALLBACK} recommender. */
    public static Recommender fallback() {
        return byName(FALLBACK).orElseThrow();
    }
}
