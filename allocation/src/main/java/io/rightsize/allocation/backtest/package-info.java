/** Judges recommenders on traces: each sees a series' past only and is scored on how its allocation fits what followed. */
package io.rightsize.allocation.backtest;
