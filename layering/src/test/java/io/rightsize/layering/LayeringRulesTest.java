package io.rightsize.layering;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.rightsize.cli.fixture.CliUsingTestSupport;
import io.rightsize.client.fixture.ClientUsingTheStack;
import io.rightsize.consumer.fixture.ConsumerSide;
import io.rightsize.fx.fixture.FxReachingAService;
import io.rightsize.fx.fixture.FxUsingTheCli;
import io.rightsize.orchestrator.fixture.OrchestratorReachingThePredictor;
import io.rightsize.predictor.fixture.PredictorSide;
import io.rightsize.tasks.fixture.TaskUsingCommon;
import org.junit.jupiter.api.Test;

/** Each rule fails on a class that breaks it, named in the failure: the rules cannot pass by seeing nothing. */
class LayeringRulesTest {

    @Test
    void aServiceUsingAnotherFails() {
        assertCaught(LayeringRules.SERVICES_NEVER_IMPORT_EACH_OTHER, OrchestratorReachingThePredictor.class,
                PredictorSide.class);
    }

    @Test
    void aClientUsingAServicePackageFails() {
        assertCaught(LayeringRules.CLIENTS_REACH_SERVICES_ONLY_OVER_GRPC, FxReachingAService.class,
                ConsumerSide.class);
    }

    @Test
    void theDesktopClientUsingTheCliFails() {
        assertCaught(LayeringRules.DESKTOP_CLIENT_DOES_NOT_NEED_THE_CLI, FxUsingTheCli.class,
                CliUsingTestSupport.class);
    }

    @Test
    void theClientLibraryUsingTheStackFails() {
        assertCaught(LayeringRules.CLIENT_LIBRARY_STANDS_ALONE, ClientUsingTheStack.class,
                io.rightsize.devstack.fixture.StackSide.class);
    }

    @Test
    void aTaskUsingAnotherModuleFails() {
        assertCaught(LayeringRules.TASKS_STAND_ALONE, TaskUsingCommon.class,
                io.rightsize.common.fixture.CommonSide.class);
    }

    @Test
    void shippedCodeUsingTestSupportFails() {
        assertCaught(LayeringRules.TEST_SUPPORT_STAYS_IN_TESTS, CliUsingTestSupport.class,
                io.rightsize.devstack.testing.fixture.TestSupportSide.class);
    }

    private static void assertCaught(ArchRule rule, Class<?> offender, Class<?> used) {
        var classes = new ClassFileImporter().importClasses(offender, used);
        AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(classes));
        assertTrue(failure.getMessage().contains(offender.getName()), failure.getMessage());
    }
}
