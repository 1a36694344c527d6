package io.rightsize.predictor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rightsize.allocation.backtest.Backtest;
import io.rightsize.allocation.backtest.Hindsight;
import io.rightsize.common.messaging.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backtest winner is the recommender with the least cost: slack plus the time lost running short, weighted. */
class RecommenderChoiceTest {

    @Test
    void theBacktestWinnerTradesSlackAgainstTenTimesTheOverrun() {
        var lean = new ModelMetadata.BacktestScore("lean", Resource.MEMORY_BYTES, 30, 5, 3);
        var safe = new ModelMetadata.BacktestScore("safe", Resource.MEMORY_BYTES, 60, 0, 3);
        var tight = new ModelMetadata.BacktestScore("tight", Resource.MEMORY_BYTES, 40, 1, 3);
        assertEquals("tight", RecommenderChoice.winner(List.of(lean, safe, tight)));
        assertEquals("safe", RecommenderChoice.winner(List.of(lean, safe)));
        var hindsight = new ModelMetadata.BacktestScore(Hindsight.NAME, Resource.MEMORY_BYTES, 10, 0, 3);
        assertEquals("tight", RecommenderChoice.winner(List.of(lean, safe, tight, hindsight)),
                "a yardstick, not a choice");
    }

    @Test
    void anOutOfMemoryKillIsPricedAboveThrottlingByTheTimeItLoses() {
        // The model runs short of CPU in 8% of samples but loses 0.5% of the time to throttling; vpa runs short of
        // memory in 1% of samples, which OOM-kills runs holding 6% of the time.
        var mlCpu = new ModelMetadata.BacktestScore("ml", Resource.CPU_MILLICORES, 30, 8, 3, null, 0.5);
        var mlMemory = new ModelMetadata.BacktestScore("ml", Resource.MEMORY_BYTES, 40, 0, 3, null, 0.0);
        var vpaCpu = new ModelMetadata.BacktestScore("vpa", Resource.CPU_MILLICORES, 45, 1, 3, null, 0.1);
        var vpaMemory = new ModelMetadata.BacktestScore("vpa", Resource.MEMORY_BYTES, 35, 1, 3, null, 6.0);
        assertEquals("ml", RecommenderChoice.winner(List.of(mlCpu, mlMemory, vpaCpu, vpaMemory)));
        assertEquals(35, mlCpu.cost(), 1e-9);
        assertEquals(95, vpaMemory.cost(), 1e-9);
        // Scored by samples over the limit alone, as before, vpa would have won (110 + 40 against 45 + 10 + 35 + 10).
        var oldMl = new ModelMetadata.BacktestScore("ml", Resource.CPU_MILLICORES, 30, 8, 3);
        assertEquals(110, oldMl.cost(), 1e-9, "a model saved before lost time was measured");
    }

    @Test
    void aTieGoesToTheFirstNameAndNothingJudgedToTheReference() {
        var b = new ModelMetadata.BacktestScore("b", Resource.MEMORY_BYTES, 30, 1, 3);
        var a = new ModelMetadata.BacktestScore("a", Resource.MEMORY_BYTES, 30, 1, 3);
        assertEquals("a", RecommenderChoice.winner(List.of(b, a)));
        assertEquals(Backtest.REFERENCE, RecommenderChoice.winner(List.of()));
    }
}
