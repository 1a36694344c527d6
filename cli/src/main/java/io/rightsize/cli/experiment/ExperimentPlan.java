package io.rightsize.cli.experiment;

import java.util.List;

/** What an experiment runs: the workloads' sizes and seed, the capacity, and the arms in their order. */
public record ExperimentPlan(int orders, int trainingOrders, long seed, ExperimentCapacity capacity, List<Arm> arms) {

    public ExperimentPlan {
        if (orders <= 0 || trainingOrders < 0) {
            throw new IllegalArgumentException("--orders takes a positive count and --training-orders one of 0 or"
                    + " more");
        }
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("--arms names at least one arm");
        }
        if (trainingOrders == 0 && arms.stream().anyMatch(a -> a.name().equals(Arm.MODEL))) {
            throw new IllegalArgumentException("the " + Arm.MODEL + " arm needs a model: give --training-orders");
        }
        arms = List.copyOf(arms);
    }
}
