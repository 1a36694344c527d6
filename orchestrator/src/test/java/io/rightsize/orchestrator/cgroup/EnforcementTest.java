package io.rightsize.orchestrator.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The choice between cgroups and emulation, and the reasons given, on fixtures where cgroups cannot work. */
class EnforcementTest {

    private static final long PID = 4242;

    @TempDir
    Path root;

    @Test
    void emulatedWhenAskedWithoutLookingAtCgroups() {
        Path memory = root.resolve("memory");
        OwnCgroups own = new OwnCgroups(Map.of("memory", memory, "cpu", root.resolve("cpu")), Optional.empty(),
                List.of());

        Enforcement enforcement = Enforcement.decide(EnforcementMode.EMULATED, own, PID);

        assertEquals(Enforcement.Kind.EMULATED, enforcement.kind());
        assertTrue(enforcement.detail().endsWith(": rightsize.orchestrator.enforcement=emulated"),
                enforcement.detail());
        assertTrue(enforcement.cgroups().isEmpty());
        assertTrue(root.toFile().list().length == 0, "nothing created");
    }

    @Test
    void autoFallsBackToEmulationAndSaysWhy() {
        Enforcement enforcement = Enforcement.decide(EnforcementMode.AUTO, readOnlyMemory(), PID);

        assertEquals(Enforcement.Kind.EMULATED, enforcement.kind());
        assertTrue(enforcement.detail().endsWith(": " + root.resolve("memory") + " is read-only"),
                enforcement.detail());
        assertTrue(root.toFile().list().length == 0, "nothing created");
    }

    @Test
    void requiredCgroupsStopTheStartWithTheReason() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Enforcement.decide(EnforcementMode.CGROUPS, readOnlyMemory(), PID));

        assertTrue(e.getMessage().startsWith("rightsize.orchestrator.enforcement=cgroups, but task cgroups cannot"
                + " be made: " + root.resolve("memory") + " is read-only;"), e.getMessage());
    }

    @Test
    void noMemoryControllerIsAReasonToo() {
        Enforcement enforcement = Enforcement.decide(EnforcementMode.AUTO, OwnCgroups.NONE, PID);

        assertEquals(Enforcement.Kind.EMULATED, enforcement.kind());
        assertTrue(enforcement.detail().contains("no memory controller"), enforcement.detail());
    }

    @Test
    void anUnwritableHierarchyIsAReason() throws Exception {
        // A file where the parent directory would go: mkdir fails as on a hierarchy this user may not write.
        Path memory = java.nio.file.Files.createFile(root.resolve("memory"));
        OwnCgroups own = new OwnCgroups(Map.of("memory", memory, "cpu", root.resolve("cpu")), Optional.empty(),
                List.of());

        Enforcement enforcement = Enforcement.decide(EnforcementMode.AUTO, own, PID);

        assertEquals(Enforcement.Kind.EMULATED, enforcement.kind());
        assertTrue(enforcement.detail().contains("cannot write " + memory),
                enforcement.detail());
    }

    private OwnCgroups readOnlyMemory() {
        Path memory = root.resolve("memory");
        return new OwnCgroups(Map.of("memory", memory, "cpu", root.resolve("cpu")), Optional.empty(),
                List.of(memory));
    }
}
