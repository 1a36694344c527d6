package io.rightsize.allocation.recommend;

/**
 * What a task should be given: {@code request} is its expected need (what the scheduler reserves) and
 * {@code limit} the upper bound it may use at the recommender's configured risk; both in the history's unit.
 * {@code lowerBound} and {@code upperBound} are the band a running allocation may stay in before an online updater
 * moves it to this one (VPA's lower and upper bound); a recommender without a band gives the limit for both, so
 * any difference moves it.
 */
public record Recommendation(double request, double limit, double lowerBound, double upperBound) {

    public Recommendation {
        if (!(request >= 0) || !Double.isFinite(limit) || request > limit) {
            throw new IllegalArgumentException(
                    "need 0 <= request <= limit, both finite; got request " + request + ", limit " + limit);
        }
        if (!(lowerBound >= 0) || !Double.isFinite(upperBound) || lowerBound > limit || upperBound < limit) {
            throw new IllegalArgumentException("need 0 <= lowerBound <= limit <= upperBound, all finite; got "
                    + lowerBound + " <= " + limit + " <= " + upperBound);
        }
    }

    /** Without a band: an online updater follows every change. */
    public Recommendation(double request, double limit) {
        this(request, limit, limit, limit);
    }

    /** One value for both, as the single-number heuristics give. */
    public static Recommendation of(double allocation) {
        return new Recommendation(allocation, allocation);
    }

    /** Whether an allocation already running at {@code running} may stay: inside the band. */
    public boolean keeps(double running) {
        return running >= lowerBound && running <= upperBound;
    }
}
