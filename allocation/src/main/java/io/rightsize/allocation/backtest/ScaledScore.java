package io.rightsize.allocation.backtest;

/** Allocations scored after scaling them all by {@code factor}: slack and overrun in percent. */
public record ScaledScore(double factor, double slackPct, double overrunPct) {
}
