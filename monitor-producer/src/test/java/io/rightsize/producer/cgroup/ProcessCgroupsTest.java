package io.rightsize.producer.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /proc/PID/cgroup files as this kind of machine writes them: v1 with split and co-mounted controllers, and v2. */
class ProcessCgroupsTest {

    private static final long PID = 4242;
    private static final String TASK = "task-17-1-900";

    @Test
    void findsATasksV1CgroupInEachControllersOwnHierarchy(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("cgroup"));
        Path proc = procFile(dir, List.of("9:name=systemd:/", "7:blkio:/", "4:memory:/process_api/abc/rightsize-tasks/"
                + TASK, "2:cpuacct:/rightsize-tasks/" + TASK, "1:cpu:/rightsize-tasks/" + TASK, "0::/"));

        Optional<CgroupReader> reader = ProcessCgroups.ofTask(root, proc, PID, 17);

        assertEquals(Optional.of(new CgroupV1(root.resolve("cpuacct/rightsize-tasks/" + TASK),
                root.resolve("memory/process_api/abc/rightsize-tasks/" + TASK), root.resolve("blkio"),
                root.resolve("cpu/rightsize-tasks/" + TASK))), reader);
    }

    @Test
    void coMountedControllersShareTheirPath() {
        assertEquals(Map.of("cpu", "/x/" + TASK, "cpuacct", "/x/" + TASK, "memory", "/y", "", "/"),
                ProcessCgroups.paths(List.of("3:cpu,cpuacct:/x/" + TASK, "4:memory:/y", "0::/")));
    }

    @Test
    void findsATasksV2Cgroup(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("cgroup"));
        Files.writeString(root.resolve("cgroup.controllers"), "cpu memory io\n");
        Path proc = procFile(dir, List.of("0::/system.slice/rightsize.service/rightsize-tasks/" + TASK));

        assertEquals(Optional.of(new CgroupV2(root.resolve("system.slice/rightsize.service/rightsize-tasks/" + TASK))),
                ProcessCgroups.ofTask(root, proc, PID, 17));
    }

    @Test
    void aProcessOutsideItsTasksCgroupIsReadFromProc(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("cgroup"));
        Path other = procFile(dir, List.of("4:memory:/rightsize-tasks/task-18-1-900", "1:cpu:/rightsize-tasks/"
                + "task-18-1-900"));

        assertEquals(Optional.empty(), ProcessCgroups.ofTask(root, other, PID, 17), "another task's cgroup");
        Path emulated = procFile(dir, List.of("4:memory:/process_api/abc", "1:cpu:/"));
        assertEquals(Optional.empty(), ProcessCgroups.ofTask(root, emulated, PID, 17), "limits emulated");
        assertEquals(Optional.empty(), ProcessCgroups.ofTask(root, dir.resolve("no-proc"), PID, 17), "gone");
    }

    private static Path procFile(Path dir, List<String> lines) throws Exception {
        Path proc = dir.resolve("proc-" + System.nanoTime());
        Files.createDirectories(proc.resolve(Long.toString(PID)));
        Files.write(proc.resolve(Long.toString(PID)).resolve("cgroup"), lines);
        return proc;
    }
}
