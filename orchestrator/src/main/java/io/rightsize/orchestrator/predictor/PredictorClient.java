package io.rightsize.orchestrator.predictor;

import io.rightsize.common.messaging.Allocation;
import java.util.List;

/** Asks the predictor for the allocations of an order's tasks; an interface so the allocation policy can be tested. */
public interface PredictorClient {

    /**
     * One allocation per task, in the order of {@code services}.
     *
     * @throws NoRecommendationException when the predictor is down, too slow, answers with an error, or its
     *                                   answer does not cover every task
     */
    List<Allocation> recommend(List<String> services) throws NoRecommendationException;
}
