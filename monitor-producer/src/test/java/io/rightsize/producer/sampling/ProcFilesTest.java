package io.rightsize.producer.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;

/** The direct /proc reader agrees with OSHI on a live process, and parses the kernel's formats, odd names included. */
class ProcFilesTest {

    @Test
    void agreesWithOshiOnThisProcess() throws Exception {
        long pid = ProcessHandle.current().pid();
        SystemInfo system = new SystemInfo();
        ProcFiles proc = new ProcFiles(Path.of("/proc"), system.getHardware().getMemory().getPageSize());

        ProcessSnapshot direct = proc.read(pid).orElseThrow();
        OSProcess oshi = system.getOperatingSystem().getProcess((int) pid);

        assertEquals(oshi.getKernelTime() + oshi.getUserTime(), direct.cpuMillis(), 200);
        assertEquals(oshi.getResidentMemory(), direct.residentBytes(), oshi.getResidentMemory() * 0.1);
        assertEquals(oshi.getBytesRead(), direct.bytesRead(), 1 << 20);
        assertTrue(direct.cpuMillis() > 0 && direct.residentBytes() > 0);
    }

    @Test
    void parsesACommandNameWithSpacesAndParenthesesAndTreatsAZombieAsGone(@TempDir Path proc) throws Exception {
        Path dir = Files.createDirectories(proc.resolve("4242"));
        Files.writeString(dir.resolve("stat"), "4242 (java (task) x) S 1 4242 4242 0 -1 4194304 5000 0 0 0 "
                + "250 50 0 0 20 0 30 0 123456 3000000000 65536 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1"
                + " 0 0 0 0 0\n");
        Files.writeString(dir.resolve("io"), "rchar: 900\nwchar: 800\nsyscr: 3\nsyscw: 2\nread_bytes: 4096\n"
                + "write_bytes: 8192\ncancelled_write_bytes: 0\n");
        ProcFiles files = new ProcFiles(proc, 4096);

        ProcessSnapshot s = files.read(4242).orElseThrow();
        assertEquals(3000, s.cpuMillis(), "(250 + 50) ticks at 100 per second");
        assertEquals(65536L * 4096, s.residentBytes());
        assertEquals(4096, s.bytesRead());
        assertEquals(8192, s.bytesWritten());

        Files.writeString(dir.resolve("stat"), "4242 (java) Z 1 4242 4242 0 -1 4194304 5000 0 0 0 "
                + "250 50 0 0 20 0 30 0 123456 0 0 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n");
        assertEquals(Optional.empty(), files.read(4242));
        assertEquals(Optional.empty(), files.read(4243), "no such process");
    }
}
