package io.rightsize.fx;

import static io.rightsize.fx.WindowTesting.labelText;
import static io.rightsize.fx.WindowTesting.onFx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.api.v1.CapacityStatus;
import io.rightsize.devstack.StackConfig;
import io.rightsize.fx.service.SettingsStore;
import io.rightsize.fx.view.MainView;
import io.rightsize.fx.viewmodel.ClientModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Stack tab's task capacity against a stub orchestrator: what it says before connecting, the capacity polled
 * while connected (the waiting count follows the orchestrator), and the unreachable text once it is gone.
 */
@ExtendWith(ApplicationExtension.class)
class CapacityWindowTest {

    private static final Path HOME = Path.of(System.getProperty("rightsize.home")).toAbsolutePath().normalize();
    private static final long GIB = 1L << 30;
    private static final CapacityStatus.Builder CAPACITY = CapacityStatus.newBuilder().setAdmission(true)
            .setCpuMillicores(2000).setMemoryBytes(4 * GIB)
            .setBasis("configured (RIGHTSIZE_TASK_CPU, RIGHTSIZE_TASK_MEMORY)")
            .setEnforcement("cgroup v1 under /rightsize").setReservedCpuMillicores(1500).setReservedMemoryBytes(GIB)
            .setUsedKnown(true).setUsedCpuMillicores(900).setUsedMemoryBytes(700L << 20).setRunningTasks(2);

    @TempDir
    static Path dir;

    private ClientModel model;
    private StubOrchestrator orchestrator;

    @Start
    void start(Stage stage) {
        orchestrator = new StubOrchestrator(List.of());
        orchestrator.answerCapacity(CAPACITY.setWaitingTasks(1).build());
        model = new ClientModel(() -> StackConfig.freePorts(HOME, dir.resolve("stack")),
                new SettingsStore(dir.resolve("settings.properties")));
        stage.setScene(new Scene(new MainView(model), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() throws InterruptedException {
        model.shutdown();
        orchestrator.close();
    }

    @Test
    void showsTheCapacityWhileConnectedAndSaysWhenTheOrchestratorIsGone(FxRobot robot) throws InterruptedException {
        assertTrue(labelText(robot, "#capacitySummary").startsWith("not connected"));
        assertFalse(onFx(() -> robot.lookup("#capacityCpuBar").query().isVisible()), "no bar before connecting");

        robot.interact(() -> {
            model.connection().orchestratorProperty().set(orchestrator.address());
            model.connection().connect();
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> labelText(robot, "#capacitySummary")
                .equals("2 running, 1 waiting"));
        robot.clickOn("#stackTab");
        assertEquals("reserved 1500m CPU of 2 CPU (75%), used now 900m CPU", labelText(robot, "#capacityCpu"));
        assertEquals("reserved 1.0 GiB of 4.0 GiB (25%), used now 700 MiB", labelText(robot, "#capacityMemory"));
        assertTrue(labelText(robot, "#capacityBasis").contains("RIGHTSIZE_TASK_CPU"));
        assertTrue(onFx(() -> robot.lookup("#capacityCpuBar").query().isVisible()), "the CPU bar");

        orchestrator.answerCapacity(CAPACITY.setWaitingTasks(0).build());
        await().atMost(Duration.ofSeconds(10)).until(() -> labelText(robot, "#capacitySummary")
                .equals("2 running, 0 waiting"));

        String address = orchestrator.address();
        orchestrator.close();
        await().atMost(Duration.ofSeconds(15)).until(() -> labelText(robot, "#capacitySummary")
                .startsWith("orchestrator " + address + " unreachable (UNAVAILABLE"));
        assertFalse(onFx(() -> robot.lookup("#capacityCpuBar").query().isVisible()), "no stale bar");
    }
}
