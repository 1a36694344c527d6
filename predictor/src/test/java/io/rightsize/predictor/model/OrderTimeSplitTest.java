package io.rightsize.predictor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.predictor.features.UsageRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Orders are split by time, so no held-out order is older than one trained on. */
class OrderTimeSplitTest {

    @Test
    void holdsOutTheLatestOrdersTheirEarlierHalfToCalibrateAndTheLaterToTest() {
        List<UsageRow> rows = GeneratedUsage.orders(40, 3);
        OrderTimeSplit split = OrderTimeSplit.of(rows, 0.25);
        assertEquals(List.of(30, 5, 5), List.of(split.trainOrders(), split.calibrationOrders(), split.testOrders()));
        assertTrue(split.separate());
        assertTrue(split.train().stream().allMatch(r -> r.orderSubmittedMillis() < 30_000));
        assertTrue(split.calibration().stream().allMatch(r -> r.orderSubmittedMillis() / 1000 / 5 == 6));
        assertTrue(split.test().stream().allMatch(r -> r.orderSubmittedMillis() >= 35_000));
        assertEquals(rows.size(), split.train().size() + split.heldOutRows());
        assertEquals(split.train().size() + split.calibration().size(), split.historyInTimeOrder().size(),
                "a heuristic learns from training and calibration orders");
    }

    @Test
    void letsOneHeldOutOrderServeBothWhenThereAreTooFew() {
        OrderTimeSplit tiny = OrderTimeSplit.of(GeneratedUsage.orders(3, 3), 0.25);
        assertEquals(List.of(2, 1, 1), List.of(tiny.trainOrders(), tiny.calibrationOrders(), tiny.testOrders()));
        assertTrue(!tiny.separate() && tiny.test() == tiny.calibration(), "one held-out order serves both");
        assertTrue(tiny.describe().contains("too few orders"));
        assertEquals(tiny.train().size(), tiny.historyInTimeOrder().size(), "the test order's own samples are not past");
    }

    @Test
    void refusesFewerThanTwoOrders() {
        assertThrows(TrainingException.class, () -> OrderTimeSplit.of(GeneratedUsage.orders(1, 1), 0.25));
        assertThrows(TrainingException.class, () -> OrderTimeSplit.of(List.of(), 0.25));
    }
}
