package io.rightsize.allocation.recommend;

/**
 * What a task should be given: {@code request} is its expected need (what the scheduler reserves) and
 * {@code limit} the upper bound it may use at the recommender's configured risk; both in the history's unit.
 */
public record Recommendation(double request, double limit) {

    public Recommendation {
        if (!(request >= 0) || !Double.isFinite(limit) || request > limit) {
            throw new IllegalArgumentException(
                    "need 0 <= request <= limit, both finite; got request " + request + ", limit " + limit);
        }
    }

    /** One value for both, as the single-number heuristics give. */
    public static Recommendation of(double allocation) {
        return new Recommendation(allocation, allocation);
    }
}
