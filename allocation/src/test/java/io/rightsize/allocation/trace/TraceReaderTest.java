package io.rightsize.allocation.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsOneSeriesPerServiceAndResourceSortedByTime() throws IOException {
        List<Series> series = TraceReader.read(write("""
                timestamp,service,resource,value
                120,auth,cpu_millicores,3.5
                60,auth,cpu_millicores,2
                60,auth,memory_mib,330.5
                60,"gateway",cpu_millicores,7
                """));

        assertEquals(3, series.size());
        Series authCpu = series.get(0);
        assertEquals("auth", authCpu.service());
        assertEquals("cpu_millicores", authCpu.resource());
        assertArrayEquals(new long[] {60, 120}, authCpu.timestamps());
        assertArrayEquals(new double[] {2, 3.5}, authCpu.values());
        assertEquals("gateway", series.get(2).service());
    }

    @Test
    void acceptsColumnsInAnyOrder() throws IOException {
        List<Series> series = TraceReader.read(write("value,resource,service,timestamp\n4.5,memory_mib,auth,60\n"));

        assertArrayEquals(new double[] {4.5}, series.get(0).values());
    }

    @Test
    void refusesANonNumericTimestampWithItsLineNumber() {
        assertRefused("timestamp,service,resource,value\n60,a,cpu,1\n120,a,cpu,2\nsoon,a,cpu,3\n",
                "line 4", "timestamp 'soon'");
    }

    @Test
    void refusesANegativeOrNonFiniteValueWithItsLineNumber() {
        assertRefused("timestamp,service,resource,value\n60,a,cpu,1\n120,a,cpu,-2\n", "line 3", "non-negative");
        assertRefused("timestamp,service,resource,value\n60,a,cpu,NaN\n", "line 2", "non-negative");
        assertRefused("timestamp,service,resource,value\n60,a,cpu,lots\n", "line 2", "'lots' is not a number");
    }

    @Test
    void refusesARowWithTooManyOrTooFewColumnsWithItsLineNumber() {
        assertRefused("timestamp,service,resource,value\n60,a,cpu,1\n120,a,cpu,2,9\n", "line 3", "");
        assertRefused("timestamp,service,resource,value\n60,a,cpu,1\n120,a,cpu\n", "line 3", "");
    }

    @Test
    void refusesAHeaderWithoutARequiredColumn() {
        assertRefused("time,service,resource,value\n60,a,cpu,1\n", "line 1", "no column 'timestamp'");
        assertRefused("", "line 1", "Empty header");
    }

    @Test
    void refusesASecondSampleAtTheSameTime() {
        assertRefused("timestamp,service,resource,value\n60,a,cpu,1\n60,b,cpu,1\n60,a,cpu,2\n",
                "line 4", "the first is on line 2");
    }

    private void assertRefused(String csv, String... expected) {
        MalformedTraceException e = assertThrows(MalformedTraceException.class, () -> TraceReader.read(write(csv)));
        for (String part : expected) {
            assertTrue(e.getMessage().contains(part), e.getMessage() + " should contain " + part);
        }
    }

    private Path write(String csv) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "trace", ".csv"), csv);
    }
}
