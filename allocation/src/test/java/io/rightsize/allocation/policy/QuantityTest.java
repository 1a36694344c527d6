package io.rightsize.allocation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantityTest {

    @Test
    void cpuInCoresOrMillicores() {
        assertEquals(2000, Quantity.cpuMillicores("2"));
        assertEquals(500, Quantity.cpuMillicores("0.5"));
        assertEquals(1500, Quantity.cpuMillicores("1500m"));
        assertEquals(2, Quantity.cpuMillicores("0.0015"), "rounded up to whole millicores");
    }

    @Test
    void memoryWithBinaryOrDecimalSuffixes() {
        assertEquals(3L << 30, Quantity.memoryBytes("3Gi"));
        assertEquals(512L << 20, Quantity.memoryBytes("512Mi"));
        assertEquals(1_000_000_000L, Quantity.memoryBytes("1G"));
        assertEquals(1536L << 20, Quantity.memoryBytes("1.5Gi"));
        assertEquals(4096, Quantity.memoryBytes("4096"));
    }

    @Test
    void badQuantitiesSayWhatToWrite() {
        IllegalArgumentException unit = assertThrows(IllegalArgumentException.class,
                () -> Quantity.memoryBytes("3GB"));
        assertTrue(unit.getMessage().contains("unknown unit 'GB'"), unit.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Quantity.cpuMillicores("two"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.cpuMillicores("2Gi"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.memoryBytes("0"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.memoryBytes("-1Gi"));
    }

    @Test
    void memoryTextUsesTheLargestBinaryUnitThatDividesIt() {
        assertEquals("2Gi", Quantity.memoryText(2L << 30));
        assertEquals("1536Mi", Quantity.memoryText(1536L << 20));
        assertEquals("1025Ki", Quantity.memoryText(1025L << 10));
        assertEquals("1000", Quantity.memoryText(1000));
        assertEquals(1536L << 20, Quantity.memoryBytes(Quantity.memoryText(1536L << 20)));
    }

    @Test
    void cpuTextShowsWholeCoresPlainly() {
        assertEquals("2", Quantity.cpuText(2000));
        assertEquals("1500m", Quantity.cpuText(1500));
    }
}
