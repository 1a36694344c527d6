package io.rightsize.allocation.backtest;

/**
 * A recommender and a reference recommender compared at equal overrun: whichever of the two ran short more often
 * is scaled up until it runs short no more than the other; {@code own} and {@code reference} are their scores
 * there. The factors are chosen knowing the future, for both alike, so this is a yardstick, not an allocation.
 */
public record AtEqualOverrun(String referenceName, ScaledScore own, ScaledScore reference) {
}
