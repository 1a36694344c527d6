package io.rightsize.allocation.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.trace.TraceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the backtest against the figures the issue gives for VPA on the shared TrainTicket trace. */
class TrainTicketBacktestTest {

    /**
     * shared/ lies beside the project's checkout, on developers' machines and in CI alike: the build passes its
     * place ({@code rightsize.shared.dir}, from the top project directory), so the test finds it wherever it runs.
     */
    private static final Path TRACE = Path.of(System.getProperty("rightsize.shared.dir", "../../shared"))
            .resolve("data/traces/trainticket-2023-01-29.csv");

    @Test
    void reproducesTheIssuesVpaFiguresAtHistoryFractionOneHalf() throws IOException {
        assumeTrue(Files.isRegularFile(TRACE), "no shared TrainTicket trace at " + TRACE.toAbsolutePath());

        List<BacktestResult> vpa = Backtest.run(TraceReader.read(TRACE), 0.5,
                List.of(Recommenders.byName("vpa-simple").orElseThrow()));

        // The issue: memory about 19.6 % slack / 0.26 % overrun, CPU about 67 % / 2.4 %, over 46 services.
        BacktestResult cpu = vpa.get(0);
        BacktestResult memory = vpa.get(1);
        assertEquals("cpu_millicores", cpu.resource());
        assertEquals(67.3, cpu.slackPct(), 0.1);
        assertEquals(2.38, cpu.overrunPct(), 0.01);
        assertEquals("memory_mib", memory.resource());
        assertEquals(19.56, memory.slackPct(), 0.05);
        assertEquals(0.255, memory.overrunPct(), 0.005);
        assertEquals(46, memory.series());
    }
}
