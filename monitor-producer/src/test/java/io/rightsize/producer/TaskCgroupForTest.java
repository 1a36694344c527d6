package io.rightsize.producer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cgroup made the way the orchestrator makes a task's ({@code task-<taskId>-<attempt>-<pid>}, a CPU quota and a
 * memory limit), under this JVM's own cgroup and nowhere else, removed by {@link #close()}; for tests of the
 * producer's reading of real kernel counters. {@link #available()} is false where cgroups cannot be written.
 */
final class TaskCgroupForTest implements AutoCloseable {

    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final String PARENT = "rightsize-producer-test";
    private final List<Path> dirs;

    private TaskCgroupForTest(List<Path> dirs) {
        this.dirs = dirs;
    }

    static boolean available() {
        try {
            make(0, 100, 64L << 20).close();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The cgroup of task {@code taskId}, its CPU limited to {@code cpuMillicores}. */
    static TaskCgroupForTest make(long taskId, long cpuMillicores, long memoryBytes) throws IOException {
        String name = "task-" + taskId + "-1-" + ProcessHandle.current().pid();
        Map<String, String> own = Files.readAllLines(Path.of("/proc/self/cgroup"), StandardCharsets.US_ASCII)
                .stream().map(l -> l.split(":", 3)).filter(f -> f.length == 3)
                .flatMap(f -> java.util.Arrays.stream(f[1].split(",")).map(c -> new String[] {c, f[2]}))
                .collect(Collectors.toMap(c -> c[0], c -> c[1], (a, b) -> a));
        List<Path> made = new ArrayList<>();
        TaskCgroupForTest cgroup = new TaskCgroupForTest(made);
        try {
            long quota = cpuMillicores * 100;
            if (Files.exists(ROOT.resolve("cgroup.controllers"))) {
                Path dir = mkdirs(ROOT.resolve(rel(own.get(""))).resolve(PARENT), made);
                Files.writeString(dir.resolve("cgroup.subtree_control"), "+memory +cpu");
                Path task = mkdirs(dir.resolve(name), made);
                Files.writeString(task.resolve("memory.max"), Long.toString(memoryBytes));
                Files.writeString(task.resolve("cpu.max"), quota + " 100000");
            } else {
                Path memory = mkdirs(ROOT.resolve("memory").resolve(rel(own.get("memory"))).resolve(PARENT)
                        .resolve(name), made);
                Files.writeString(memory.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
                Path cpu = mkdirs(ROOT.resolve("cpu").resolve(rel(own.get("cpu"))).resolve(PARENT).resolve(name),
                        made);
                Files.writeString(cpu.resolve("cpu.cfs_period_us"), "100000");
                Files.writeString(cpu.resolve("cpu.cfs_quota_us"), Long.toString(quota));
                if (!Files.exists(cpu.resolve("cpuacct.usage"))) {
                    mkdirs(ROOT.resolve("cpuacct").resolve(rel(own.get("cpuacct"))).resolve(PARENT).resolve(name),
                            made);
                }
            }
            return cgroup;
        } catch (IOException | RuntimeException e) {
            cgroup.close();
            throw e;
        }
    }

    /** The shell that moves itself into the cgroup and then becomes {@code command}, as the orchestrator starts tasks. */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c",
                "for f in " + dirs.stream().filter(d -> d.getFileName().toString().startsWith("task-"))
                        .map(d -> "'" + d.resolve("cgroup.procs") + "'").collect(Collectors.joining(" "))
                        + "; do echo $$ > \"$f\" || exit 125; done; exec \"$@\"", "task"));
        wrapped.addAll(command);
        return wrapped;
    }

    @Override
    public void close() {
        List<Path> reversed = new ArrayList<>(dirs);
        java.util.Collections.reverse(reversed);
        for (Path dir : reversed) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // Still has processes or children (another test's): left, and empty ones go with the next close.
            }
        }
    }

    private static Path mkdirs(Path dir, List<Path> made) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
            missing.add(0, d);
        }
        for (Path d : missing) {
            Files.createDirectory(d);
            made.add(d);
        }
        return dir;
    }

    private static String rel(String path) {
        return path == null || path.equals("/") ? "" : path.substring(1);
    }
}
