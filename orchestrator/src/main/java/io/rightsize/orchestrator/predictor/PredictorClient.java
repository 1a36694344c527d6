package io.rightsize.orchestrator.predictor;

import java.util.List;
import java.util.Map;

/** Asks the predictor for the allocations of an order's tasks; an interface so the allocation policy can be tested. */
public interface PredictorClient {

    /**
     * One recommendation per task, in the order of {@code services}; {@code inputPixels} gives each task's input size
     * by position where it is known (0 where not), {@code params} each task's numeric parameters.
     *
     * @throws NoRecommendationException when the predictor is down, too slow, answers with an error, or its
     *                                   answer does not cover every task
     */
    List<Recommended> recommend(List<String> services, List<Long> inputPixels, List<Map<String, Double>> params)
            throws NoRecommendationException;
}
