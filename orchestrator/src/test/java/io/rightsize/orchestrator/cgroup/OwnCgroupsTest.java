package io.rightsize.orchestrator.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the own cgroup directories from kernel-format /proc/self/cgroup and mountinfo fixtures. */
class OwnCgroupsTest {

    @TempDir
    Path root;

    @Test
    void findsEachV1ControllerOnAHybridMachine() throws IOException {
        // This machine's files: v1 controllers each mounted alone, the unified hierarchy with no controller in use.
        OwnCgroups own = read("""
                9:name=systemd:/
                4:memory:/process_api/2b7c
                2:cpuacct:/
                1:cpu:/
                0::/
                """, """
                31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
                32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
                33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
                35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
                40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
                41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
                """);

        assertEquals(root.resolve("sys/fs/cgroup/memory/process_api/2b7c"), own.v1().get("memory"));
        assertEquals(root.resolve("sys/fs/cgroup/cpu"), own.v1().get("cpu"));
        assertEquals(root.resolve("sys/fs/cgroup/cpuacct"), own.v1().get("cpuacct"));
        assertEquals(Optional.of(root.resolve("sys/fs/cgroup/unified")), own.v2());
        assertTrue(own.readOnly().isEmpty());
    }

    @Test
    void cpuAndCpuacctMountedTogetherShareADirectory() throws IOException {
        OwnCgroups own = read("""
                5:cpu,cpuacct:/user.slice
                3:memory:/user.slice/user-0.slice
                """, """
                30 24 0:27 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:12 - cgroup cgroup rw,cpu,cpuacct
                31 24 0:28 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:13 - cgroup cgroup rw,memory
                """);

        assertEquals(root.resolve("sys/fs/cgroup/cpu,cpuacct/user.slice"), own.v1().get("cpu"));
        assertEquals(own.v1().get("cpu"), own.v1().get("cpuacct"));
        assertEquals(root.resolve("sys/fs/cgroup/memory/user.slice/user-0.slice"), own.v1().get("memory"));
    }

    @Test
    void aContainerSeesItsCgroupAsTheMountsRootAndReadOnly() throws IOException {
        OwnCgroups own = read("""
                4:memory:/kubepods/burstable/pod1/c0ffee
                """, """
                700 690 0:32 /kubepods/burstable/pod1/c0ffee /sys/fs/cgroup/memory ro,nosuid,nodev,noexec,relatime master:15 - cgroup cgroup rw,memory
                """);

        Path memory = root.resolve("sys/fs/cgroup/memory");
        assertEquals(memory, own.v1().get("memory"));
        assertEquals(List.of(memory), own.readOnly());
    }

    @Test
    void aCgroupOutsideTheMountedPartIsNotFound() throws IOException {
        OwnCgroups own = read("""
                4:memory:/elsewhere
                """, """
                700 690 0:32 /kubepods/pod1 /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
                """);

        assertFalse(own.v1().containsKey("memory"));
    }

    @Test
    void findsTheUnifiedCgroupOfASystemdService() throws IOException {
        OwnCgroups own = read("""
                0::/system.slice/rightsize.service
                """, """
                35 24 0:30 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
                """);

        assertTrue(own.v1().isEmpty());
        assertEquals(Optional.of(root.resolve("sys/fs/cgroup/system.slice/rightsize.service")), own.v2());
    }

    @Test
    void readsEscapedMountPoints() throws IOException {
        OwnCgroups own = read("""
                0::/
                """, """
                35 24 0:30 / /mnt/cgroup\\040v2 rw,relatime - cgroup2 none rw
                """);

        assertEquals(Optional.of(root.resolve("mnt/cgroup v2")), own.v2());
    }

    private OwnCgroups read(String cgroup, String mountinfo) throws IOException {
        Path proc = Files.createDirectories(root.resolve("proc/self"));
        Files.writeString(proc.resolve("cgroup"), cgroup);
        Files.writeString(proc.resolve("mountinfo"), mountinfo);
        return OwnCgroups.read(proc, root);
    }
}
