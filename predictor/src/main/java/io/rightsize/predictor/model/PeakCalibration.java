package io.rightsize.predictor.model;

import io.rightsize.common.messaging.Resource;
import java.util.Collection;
import java.util.Map;

/**
 * Split-conformal limits for whole tasks: the score of a held-out task is its actual peak over the peak of the run
 * the model predicted for it, and the quantile of those ratios scales each new predicted peak. A limit is one number
 * for a whole run, so what it must cover is the run's peak; calibrating on single samples instead counts every
 * second of a run apart (its start-up seconds, mistimed by a second, dominate the quantile) and covers no run as a
 * whole. With the stated coverage c, a new task's peak stays under its limit with probability >= c.
 *
 * <p>Ratios of one service's tasks are used once there are {@link #MIN_TASKS} of them, else the resource's ratios
 * over all services: relative errors of different services are alike enough to share, a few tasks are not a
 * quantile. The floor (a share of the resource's usual size) keeps a limit where the model predicts almost nothing.
 */
public record PeakCalibration(double coverage, Map<String, Double> byServiceResource, Map<Resource, Double> pooled,
                              Map<Resource, Double> floors) {

    static final int MIN_TASKS = 20;

    /** The limit a new task's peak stays under with the stated coverage, given the peak of its predicted run. */
    public double limit(String service, Resource resource, double predictedPeak) {
        double ratio = GroupedQuantiles.lookup(byServiceResource, pooled, service, resource, 1.0);
        return ratio * Math.max(predictedPeak, floors.getOrDefault(resource, 0.0));
    }

    /** @param scales each resource's target scale, whose {@link Calibration#FLOOR_SHARE} is the floor */
    static PeakCalibration fit(double coverage, Collection<TaskPeak> tasks, Map<Resource, Double> scales) {
        Map<Resource, Double> floors = Calibration.floors(scales);
        GroupedQuantiles ratios = new GroupedQuantiles();
        for (TaskPeak task : tasks) {
            double base = Math.max(task.predictedPeak(), floors.getOrDefault(task.resource(), 0.0));
            if (!(base > 0)) {
                continue; // no floor for the resource and nothing predicted: no ratio to take
            }
            ratios.add(task.service(), task.resource(), task.actualPeak() / base);
        }
        return new PeakCalibration(coverage, ratios.byServiceResource(coverage, MIN_TASKS), ratios.pooled(coverage),
                floors);
    }

    /** One held-out task's resource: the peak of the run predicted for it and the peak it reached. */
    record TaskPeak(String service, Resource resource, double predictedPeak, double actualPeak) {
    }
}
