package io.rightsize.producer.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cgroup the orchestrator put a local task in, found from the task process's {@code /proc/PID/cgroup}: read with
 * the same {@link CgroupReader} a task pod's container is, so local and cluster samples mean the same. Only a cgroup
 * made for that task counts ({@code task-<taskId>-...}, the orchestrator's naming): a process in any other cgroup
 * (limits emulated) is read from /proc instead.
 */
public final class ProcessCgroups {

    private ProcessCgroups() {
    }

    /** The reader of task {@code taskId}'s own cgroup, or empty when its process is in none (or is gone). */
    public static Optional<CgroupReader> ofTask(Path cgroupRoot, Path procRoot, long pid, long taskId)
            throws IOException {
        Map<String, String> paths;
        try {
            paths = paths(Files.readAllLines(procRoot.resolve(Long.toString(pid)).resolve("cgroup"),
                    StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String prefix = "task-" + taskId + "-";
        if (Files.exists(cgroupRoot.resolve("cgroup.controllers"))) {
            String unified = paths.get("");
            return unified != null && leaf(unified).startsWith(prefix)
                    ? Optional.of(new CgroupV2(cgroupRoot.resolve(relative(unified)))) : Optional.empty();
        }
        String memory = paths.get("memory");
        String cpu = paths.get("cpu");
        String cpuacct = paths.getOrDefault("cpuacct", cpu);
        if (memory == null || cpu == null || !leaf(memory).startsWith(prefix) || !leaf(cpu).startsWith(prefix)) {
            return Optional.empty();
        }
        return Optional.of(new CgroupV1(cgroupRoot.resolve("cpuacct").resolve(relative(cpuacct)),
                cgroupRoot.resolve("memory").resolve(relative(memory)),
                cgroupRoot.resolve("blkio").resolve(relative(paths.getOrDefault("blkio", "/"))),
                cgroupRoot.resolve("cpu").resolve(relative(cpu))));
    }

    /**
     * Each controller's path from lines {@code ID:CONTROLLERS:PATH}; v2's line ({@code 0::PATH}) under the key "".
     * Co-mounted controllers ({@code cpu,cpuacct}) each get the path.
     */
    static Map<String, String> paths(Iterable<String> lines) {
        Map<String, String> paths = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            if (f[1].isEmpty()) {
                paths.put("", f[2]);
            } else {
                for (String controller : f[1].split(",")) {
                    paths.put(controller, f[2]);
                }
            }
        }
        return paths;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String relative(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
