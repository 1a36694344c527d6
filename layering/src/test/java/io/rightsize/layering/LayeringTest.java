package io.rightsize.layering;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/** Every module's shipped classes keep to the layers; the build fails on the first class that crosses one. */
@AnalyzeClasses(packages = "io.rightsize", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule servicesNeverImportEachOther = LayeringRules.SERVICES_NEVER_IMPORT_EACH_OTHER;

    @ArchTest
    static final ArchRule clientsReachServicesOnlyOverGrpc = LayeringRules.CLIENTS_REACH_SERVICES_ONLY_OVER_GRPC;

    @ArchTest
    static final ArchRule desktopClientDoesNotNeedTheCli = LayeringRules.DESKTOP_CLIENT_DOES_NOT_NEED_THE_CLI;

    @ArchTest
    static final ArchRule clientLibraryStandsAlone = LayeringRules.CLIENT_LIBRARY_STANDS_ALONE;

    @ArchTest
    static final ArchRule tasksStandAlone = LayeringRules.TASKS_STAND_ALONE;

    @ArchTest
    static final ArchRule testSupportStaysInTests = LayeringRules.TEST_SUPPORT_STAYS_IN_TESTS;

    /** A module missing from the class path would pass every rule about it unseen. */
    @ArchTest
    static void seesEveryModule(JavaClasses classes) {
        for (String module : List.of("io.rightsize.tasks", "io.rightsize.api.v1", "io.rightsize.grpc.auth",
                "io.rightsize.common", "io.rightsize.allocation", "io.rightsize.devstack",
                "io.rightsize.devstack.testing", "io.rightsize.client", "io.rightsize.orchestrator",
                "io.rightsize.producer", "io.rightsize.consumer", "io.rightsize.predictor", "io.rightsize.fx",
                "io.rightsize.cli")) {
            assertTrue(classes.containPackage(module), "no classes of " + module + " on the class path");
        }
        assertTrue(classes.stream().noneMatch(c -> c.getPackageName().contains(".fixture")),
                "the fixtures that break the rules on purpose are test classes, left out");
    }
}
