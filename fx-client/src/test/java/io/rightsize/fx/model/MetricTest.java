package io.rightsize.fx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.api.v1.Resource;
import io.rightsize.api.v1.UsageSample;
import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void matchesSamplesByResourceNumber() {
        assertEquals(Metric.CPU, Metric.of(Resource.CPU_MILLICORES_VALUE).orElseThrow());
        assertEquals(Metric.MEMORY, Metric.of(Resource.MEMORY_BYTES_VALUE).orElseThrow());
        assertEquals(Metric.DISK_WRITE, Metric.of(Resource.DISK_WRITE_BYTES_PER_SECOND_VALUE).orElseThrow());
        assertTrue(Metric.of(Resource.NETWORK_RECEIVE_BYTES_PER_SECOND_VALUE).isEmpty(), "network is not plotted");
    }

    @Test
    void plotsThrottlingEvenWhenTheGeneratedEnumDoesNotNameIt() {
        int throttled = io.rightsize.common.messaging.Resource.CPU_THROTTLED_SECONDS_PER_SECOND.id();
        UsageSample sample = UsageSample.newBuilder().setResourceValue(throttled).setValue(0.25).build();

        Metric metric = Metric.of(sample.getResourceValue()).orElseThrow();

        assertEquals(Metric.CPU_THROTTLED, metric);
        assertEquals(250.0, metric.inUnit(sample.getValue()), 1e-9, "0.25 s held back per second is 250m");
        assertEquals("millicores", metric.unit());
    }

    @Test
    void leavesOomKillCountsOffTheCharts() {
        assertTrue(Metric.of(io.rightsize.common.messaging.Resource.OOM_KILLS.id()).isEmpty());
        assertTrue(Metric.of(0).isEmpty());
    }
}
