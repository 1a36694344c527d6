package io.rightsize.orchestrator.nativeimage;

import io.rightsize.devstack.nativeimage.ReflectionRegistrations;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Native readiness without native-image: every JSON type this service reads or writes is registered. */
class NativeImageRegistrationsTest {

    @Test
    void registersEveryJsonTypeAndEverythingItHolds() throws Exception {
        ReflectionRegistrations.assertCompleteForJson(NativeImageRegistrations.class, Path.of("src/main/java"));
    }
}
