package io.rightsize.orchestrator.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.allocation.policy.Capacity;
import io.rightsize.orchestrator.config.OrchestratorConfig.CapacitySettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskCapacityTest {

    private static final long GIB = 1L << 30;
    private static final Capacity MACHINE = new Capacity(2000, 24 * GIB);

    @Test
    void byDefaultTheMachineLessTheStacksReserve() {
        TaskCapacity c = TaskCapacity.of(settings(null, null), MACHINE);

        assertEquals(new Capacity(1500, 22 * GIB), c.capacity());
        assertEquals("this machine's 2 CPU and 24.0 GiB less 500m and 2Gi kept for the stack", c.basis());
    }

    @Test
    void configuredFiguresAreTakenAsTheyAre() {
        TaskCapacity c = TaskCapacity.of(settings("2", "3Gi"), MACHINE);

        assertEquals(new Capacity(2000, 3 * GIB), c.capacity());
        assertEquals("configured", c.basis());
    }

    @Test
    void aSmallMachineKeepsAtLeastHalfForTasks() {
        TaskCapacity c = TaskCapacity.of(settings(null, null), new Capacity(1000, 3 * GIB));

        assertEquals(new Capacity(500, 3 * GIB / 2), c.capacity());
    }

    @Test
    void aBadSettingNamesItsKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaskCapacity.of(settings("2", "3GB"), MACHINE));
        assertTrue(e.getMessage().startsWith("rightsize.orchestrator.capacity.memory: memory '3GB'"), e.getMessage());
    }

    private static CapacitySettings settings(String cpu, String memory) {
        return new CapacitySettings() {
            @Override
            public Optional<String> cpu() {
                return Optional.ofNullable(cpu);
            }

            @Override
            public Optional<String> memory() {
                return Optional.ofNullable(memory);
            }

            @Override
            public String reserveCpu() {
                return "500m";
            }

            @Override
            public String reserveMemory() {
                return "2Gi";
            }

            @Override
            public int maxOvertakes() {
                return 8;
            }
        };
    }
}
