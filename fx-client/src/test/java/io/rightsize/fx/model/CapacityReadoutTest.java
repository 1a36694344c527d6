package io.rightsize.fx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.api.v1.CapacityStatus;
import org.junit.jupiter.api.Test;

class CapacityReadoutTest {

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    private static CapacityStatus.Builder local() {
        return CapacityStatus.newBuilder().setAdmission(true).setCpuMillicores(2000).setMemoryBytes(3 * GIB)
                .setBasis("this machine (2 CPU, 7.8 GiB) less the stack's reserve")
                .setEnforcement("cgroup v1 under /rightsize")
                .setReservedCpuMillicores(1500).setReservedMemoryBytes(768 * MIB)
                .setRunningTasks(2).setWaitingTasks(1);
    }

    @Test
    void showsWhatRunningTasksReserveAndUseOfTheCapacity() {
        CapacityReadout readout = CapacityReadout.of(local().setUsedKnown(true).setUsedCpuMillicores(900)
                .setUsedMemoryBytes(512 * MIB).build());

        assertEquals("2 running, 1 waiting", readout.summary());
        CapacityGauge cpu = readout.cpu().orElseThrow();
        assertEquals("reserved 1500m CPU of 2 CPU (75%), used now 900m CPU", cpu.text());
        assertEquals(0.75, cpu.reservedFraction(), 1e-9);
        assertEquals(0.45, cpu.usedFraction().orElseThrow(), 1e-9);
        CapacityGauge memory = readout.memory().orElseThrow();
        assertEquals("reserved 768 MiB of 3.0 GiB (25%), used now 512 MiB", memory.text());
        assertEquals(0.25, memory.reservedFraction(), 1e-9);
        assertEquals("this machine (2 CPU, 7.8 GiB) less the stack's reserve", readout.basis());
        assertEquals("cgroup v1 under /rightsize", readout.enforcement());
    }

    @Test
    void saysWhenUsageIsNotMeasured() {
        CapacityReadout readout = CapacityReadout.of(local().setUsedKnown(false).setEnforcement("emulated").build());

        CapacityGauge cpu = readout.cpu().orElseThrow();
        assertTrue(cpu.text().endsWith("used now not measured (limits emulated)"), cpu.text());
        assertTrue(cpu.usedFraction().isEmpty(), "no used band without a measurement");
    }

    @Test
    void kubernetesLeavesAdmissionToTheClusterScheduler() {
        CapacityReadout readout = CapacityReadout.of(CapacityStatus.newBuilder().setAdmission(false)
                .setEnforcement("Kubernetes requests and limits").setRunningTasks(3).build());

        assertEquals("admission off: the cluster's scheduler admits tasks (3 running, 0 waiting)", readout.summary());
        assertTrue(readout.cpu().isEmpty() && readout.memory().isEmpty(), "no bars without a local capacity");
        assertEquals("Kubernetes requests and limits", readout.enforcement());
    }

    @Test
    void barsStayWithinTheCapacity() {
        CapacityGauge over = CapacityGauge.of("over", 1000, 1500, java.util.OptionalDouble.of(-5));
        CapacityGauge none = CapacityGauge.of("none", 0, 100, java.util.OptionalDouble.empty());

        assertEquals(1.0, over.reservedFraction());
        assertEquals(0.0, over.usedFraction().orElseThrow());
        assertEquals(0.0, none.reservedFraction());
    }

    @Test
    void saysWhyThereIsNoCapacityToShow() {
        assertTrue(CapacityReadout.notConnected().summary().startsWith("not connected"));
        CapacityReadout unreachable = CapacityReadout.unreachable("127.0.0.1:8081", "UNAVAILABLE: io exception");
        assertEquals("orchestrator 127.0.0.1:8081 unreachable (UNAVAILABLE: io exception); the capacity shows again"
                + " when it answers", unreachable.summary());
        assertTrue(unreachable.cpu().isEmpty() && unreachable.basis().isEmpty());
    }
}
