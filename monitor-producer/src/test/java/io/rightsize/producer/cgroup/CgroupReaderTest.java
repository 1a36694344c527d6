package io.rightsize.producer.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.producer.sampling.LimitCounters;
import io.rightsize.producer.sampling.ProcessSnapshot;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cgroup fixtures under src/test/resources/cgroup are written in the kernel's own file formats. */
class CgroupReaderTest {

    private static final String V2_CONTAINER = "kubepods.slice/kubepods-burstable.slice/"
            + "kubepods-burstable-pod3f1c2a9e_5b7d_4c1e_9a2f_6d8e0b4c7a11.slice/cri-containerd-8f2d6c1b9e4a.scope";
    private static final String V1_CONTAINER =
            "kubepods/burstable/pod3f1c2a9e-5b7d-4c1e-9a2f-6d8e0b4c7a11/8f2d6c1b9e4a";
    private static final long AT = 1_764_169_626_893L;

    /** The working set, as the kubelet, VPA and KRR see it: usage 301,989,888 less 8,192,000 of inactive files. */
    private static final long WORKING_SET = 301_989_888L - 8_192_000L;

    @Test
    void readsCgroupV2CountersIntoASnapshot() throws Exception {
        CgroupReader reader = CgroupReader.at(fixture("v2"), V2_CONTAINER);

        assertInstanceOf(CgroupV2.class, reader);
        assertEquals(new ProcessSnapshot(AT, 8235, WORKING_SET, 5_632_000L + 4096, 1_830_912L + 8192)
                .withLimits(new LimitCounters(9_817_242, OptionalLong.of(1))), reader.snapshot(AT));
    }

    @Test
    void readsCgroupV1ControllersIntoTheSameSnapshot() throws Exception {
        CgroupReader reader = CgroupReader.at(fixture("v1"), V1_CONTAINER);

        assertInstanceOf(CgroupV1.class, reader);
        assertEquals(new ProcessSnapshot(AT, 8235, WORKING_SET, 5_632_000L + 4096, 1_830_912L + 8192)
                .withLimits(new LimitCounters(9_817_242, OptionalLong.of(1))), reader.snapshot(AT));
    }

    @Test
    void aWorkingSetIsNeverNegative(@TempDir Path dir) throws Exception {
        // More inactive file cache than usage (counters read a moment apart): 0, as the kubelet floors it.
        Files.writeString(dir.resolve("cpu.stat"), "usage_usec 1500\n");
        Files.writeString(dir.resolve("memory.current"), "4096\n");
        Files.writeString(dir.resolve("memory.stat"), "anon 0\ninactive_file 8192\n");

        assertEquals(0, new CgroupV2(dir).snapshot(AT).residentBytes());
    }

    @Test
    void takesRssFromMemoryStatWhenV1HidesUsageAndCountsMissingBlkioAsNoIo() throws Exception {
        ProcessSnapshot snapshot = CgroupReader.at(fixture("v1-rss-only"), V1_CONTAINER).snapshot(AT);

        assertEquals(285_212_672L, snapshot.residentBytes());
        assertEquals(8235, snapshot.cpuMillis());
        assertEquals(0, snapshot.bytesRead());
        assertEquals(0, snapshot.bytesWritten());
        assertEquals(new LimitCounters(0, OptionalLong.empty()), snapshot.limits(), "no cpu.stat, no oom_control");
    }

    @Test
    void countsAMissingOrEmptyIoStatAsNoIo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cpu.stat"), "usage_usec 1500\nuser_usec 1000\nsystem_usec 500\n");
        Files.writeString(dir.resolve("memory.current"), "4096\n");

        ProcessSnapshot noIo = new ProcessSnapshot(AT, 1, 4096, 0, 0)
                .withLimits(new LimitCounters(0, OptionalLong.empty()));
        assertEquals(noIo, new CgroupV2(dir).snapshot(AT));
        Files.writeString(dir.resolve("io.stat"), "");
        assertEquals(noIo, new CgroupV2(dir).snapshot(AT));
    }

    @Test
    void refusesAFileThatHoldsNoCounter(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cpu.stat"), "usage_usec 1500\n");
        Files.writeString(dir.resolve("memory.current"), "max\n");

        IOException e = assertThrows(IOException.class, () -> new CgroupV2(dir).snapshot(AT));
        assertTrue(e.getMessage().endsWith("memory.current: not a counter: max"), e.getMessage());
    }

    @Test
    void failsWhenTheContainersCgroupIsGone(@TempDir Path dir) {
        assertThrows(IOException.class, () -> new CgroupV2(dir.resolve("gone.scope")).snapshot(AT));
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CgroupReaderTest.class.getResource("/cgroup/" + name).toURI());
    }
}
