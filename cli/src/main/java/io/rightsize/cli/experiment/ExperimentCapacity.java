package io.rightsize.cli.experiment;

import io.rightsize.allocation.policy.Bytes;
import io.rightsize.allocation.policy.Quantity;
import java.util.List;

/** The task capacity every arm runs under, written {@code cpu=2,memory=3Gi} as on the command line. */
public record ExperimentCapacity(long cpuMillicores, long memoryBytes) {

    public static ExperimentCapacity parse(String text) {
        Long cpu = null;
        Long memory = null;
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("--capacity '" + text + "': write cpu=2,memory=3Gi");
            }
            switch (kv[0].strip()) {
                case "cpu" -> cpu = Quantity.cpuMillicores(kv[1].strip());
                case "memory" -> memory = Quantity.memoryBytes(kv[1].strip());
                default -> throw new IllegalArgumentException("--capacity: unknown resource '" + kv[0].strip()
                        + "'; write cpu=2,memory=3Gi");
            }
        }
        if (cpu == null || memory == null) {
            throw new IllegalArgumentException("--capacity '" + text + "' needs both cpu and memory, e.g."
                    + " cpu=2,memory=3Gi");
        }
        return new ExperimentCapacity(cpu, memory);
    }

    List<String> orchestratorOptions() {
        return List.of("-Drightsize.orchestrator.capacity.cpu=" + cpuMillicores + "m",
                "-Drightsize.orchestrator.capacity.memory=" + memoryBytes);
    }

    @Override
    public String toString() {
        return Quantity.cpuText(cpuMillicores) + " CPU, " + Bytes.text(memoryBytes);
    }
}
