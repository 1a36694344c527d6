package io.rightsize.predictor.recommend;

import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.predictor.model.ModelTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every recommender Recommend serves, the one list clients offer (GetModel carries it): the model's first, then the
 * heuristics of {@code allocation/}.
 */
public final class RecommenderRegistry {

    /** A recommender as clients see it; {@code needsModel}: without a trained model it answers with vpa. */
    public record Entry(String name, String description, boolean needsModel) {
    }

    private static final List<Entry> ALL = entries();

    private RecommenderRegistry() {
    }

    public static List<Entry> all() {
        return ALL;
    }

    public static boolean isKnown(String name) {
        return ALL.stream().anyMatch(e -> e.name().equals(name));
    }

    /** "rightsize-ml, seed-max, vpa, krr, rightsize", for error messages. */
    public static String names() {
        return ALL.stream().map(Entry::name).collect(Collectors.joining(", "));
    }

    private static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(ModelTrainer.ML_RECOMMENDER, "the trained model: each task's run predicted for its"
                + " services, input size and parameters, its limit calibrated on held-out runs", true));
        Recommenders.all().forEach(r -> entries.add(new Entry(r.name(), r.description(), false)));
        return List.copyOf(entries);
    }
}
