package io.rightsize.predictor.model;

import io.rightsize.predictor.features.UsageRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows split by order time: the earliest orders train; the latest are held out, their earlier half to choose the
 * candidate and calibrate, their later half to test. With a single held-out order both use it (separate false).
 */
record OrderTimeSplit(List<UsageRow> train, List<UsageRow> calibration, List<UsageRow> test, int trainOrders,
                      int calibrationOrders, int testOrders, boolean separate) {

    static OrderTimeSplit of(List<UsageRow> rows, double validationFraction) {
        Map<String, Long> submitted = new HashMap<>();
        rows.forEach(r -> submitted.merge(r.orderId(), r.orderSubmittedMillis(), Math::min));
        if (submitted.size() < 2) {
            throw new TrainingException("training needs samples of at least 2 finished orders, found "
                    + submitted.size());
        }
        List<String> orders = submitted.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        int held = Math.max(1, Math.min(orders.size() - 1, (int) Math.round(orders.size() * validationFraction)));
        int testOrders = held / 2;
        int firstHeld = orders.size() - held;
        Set<String> calibrationOrders = new HashSet<>(orders.subList(firstHeld, orders.size() - testOrders));
        Set<String> testSet = new HashSet<>(orders.subList(orders.size() - testOrders, orders.size()));
        List<UsageRow> train = new ArrayList<>();
        List<UsageRow> calibration = new ArrayList<>();
        List<UsageRow> test = new ArrayList<>();
        for (UsageRow row : rows) {
            (testSet.contains(row.orderId()) ? test
                    : calibrationOrders.contains(row.orderId()) ? calibration : train).add(row);
        }
        if (testOrders == 0) {
            return new OrderTimeSplit(train, calibration, calibration, firstHeld, held, held, false);
        }
        return new OrderTimeSplit(train, calibration, test, firstHeld, held - testOrders, testOrders, true);
    }

    int heldOutRows() {
        return separate ? calibration.size() + test.size() : calibration.size();
    }

    /** What a heuristic may learn from before the test orders: every earlier sample, in time order. */
    List<UsageRow> historyInTimeOrder() {
        List<UsageRow> history = separate ? concat(train, calibration) : train;
        return history.stream().sorted(Comparator.comparingLong(UsageRow::orderSubmittedMillis)
                .thenComparingDouble(UsageRow::elapsedSeconds)).toList();
    }

    String describe() {
        String held = calibration.size() + " samples of " + orders(calibrationOrders) + " to choose and calibrate";
        return train.size() + " training samples from " + orders(trainOrders) + "; held out: " + held + ", "
                + (separate ? test.size() + " of " + orders(testOrders) + " to test"
                : "the same order to test (too few orders to hold out both)");
    }

    private static String orders(int n) {
        return n + (n == 1 ? " order" : " orders");
    }

    static <T> List<T> concat(java.util.Collection<T> a, java.util.Collection<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
