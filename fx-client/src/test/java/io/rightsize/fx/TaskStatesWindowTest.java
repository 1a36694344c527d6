package io.rightsize.fx;

import static io.rightsize.fx.WindowTesting.cell;
import static io.rightsize.fx.WindowTesting.labelText;
import static io.rightsize.fx.WindowTesting.onFx;
import static io.rightsize.fx.WindowTesting.tableShows;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.rightsize.api.v1.Allocation;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.Resource;
import io.rightsize.api.v1.Task;
import io.rightsize.api.v1.TaskState;
import io.rightsize.api.v1.UsageSample;
import io.rightsize.devstack.StackConfig;
import io.rightsize.fx.service.SettingsStore;
import io.rightsize.fx.view.MainView;
import io.rightsize.fx.viewmodel.ClientModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javafx.scene.chart.LineChart;
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
 * The task table against a stub orchestrator's orders: a waiting task with what it needs, a task retried after
 * running out of memory, throttled CPU seconds, and a task whose last attempt ran out of memory; and the CPU chart
 * of a throttled task.
 */
@ExtendWith(ApplicationExtension.class)
class TaskStatesWindowTest {

    private static final Path HOME = Path.of(System.getProperty("rightsize.home")).toAbsolutePath().normalize();
    private static final Allocation ALLOCATION = Allocation.newBuilder().setCpuRequestMillicores(600)
            .setCpuLimitMillicores(1000).setMemoryRequestBytes(256L << 20).setMemoryLimitBytes(512L << 20)
            .setSource("default").build();
    private static final Order WAITS = Order.newBuilder().setId("demo-waits").setState(OrderState.ORDER_RUNNING)
            .addTasks(Task.newBuilder().setId(1).setPosition(0).setService("resize").setAllocation(ALLOCATION)
                    .setState(TaskState.TASK_SUCCEEDED).setAttempts(2).setThrottledCpuSeconds(3.21)
                    .setDurationSeconds(4.5))
            .addTasks(Task.newBuilder().setId(2).setPosition(1).setService("blur").setAllocation(ALLOCATION)
                    .setState(TaskState.TASK_RUNNING).setAttempts(1))
            .addTasks(Task.newBuilder().setId(3).setPosition(2).setService("sharpen").setAllocation(ALLOCATION)
                    .setState(TaskState.TASK_WAITING).setReason("needs 600m CPU, 400m free"))
            .build();
    private static final Order OOM = Order.newBuilder().setId("demo-oom").setState(OrderState.ORDER_FAILED)
            .addTasks(Task.newBuilder().setId(4).setPosition(0).setService("resize").setAllocation(ALLOCATION)
                    .setState(TaskState.TASK_FAILED).setAttempts(3)
                    .setReason("OOMKilled: the kernel killed the task at its memory limit of 512 MiB"))
            .build();

    /** Five seconds of the first task at 900m, its limit holding it back 0.3 s of each second. */
    private static final List<UsageSample> SAMPLES = IntStream.range(0, 5).boxed().flatMap(second -> Stream.of(
            sample(Resource.CPU_MILLICORES_VALUE, 900, second),
            sample(io.rightsize.common.messaging.Resource.CPU_THROTTLED_SECONDS_PER_SECOND.id(), 0.3, second)))
            .toList();

    @TempDir
    static Path dir;

    private ClientModel model;
    private StubOrchestrator orchestrator;

    @Start
    void start(Stage stage) {
        orchestrator = new StubOrchestrator(List.of(OOM, WAITS), SAMPLES);
        model = new ClientModel(() -> StackConfig.freePorts(HOME, dir.resolve("stack")),
                new SettingsStore(dir.resolve("settings.properties")));
        stage.setScene(new Scene(new MainView(model), 1280, 800));
        stage.show();
    }

    private static UsageSample sample(int resource, double value, int second) {
        return UsageSample.newBuilder().setOrderId("demo-waits").setTaskId(1).setService("resize")
                .setResourceValue(resource).setValue(value)
                .setTimestamp(Timestamp.newBuilder().setSeconds(1_800_000_000L + second)).build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        model.shutdown();
        orchestrator.close();
    }

    @Test
    void showsWaitingTasksWithTheirReasonOutOfMemoryEndsAndThrottling(FxRobot robot) {
        robot.interact(() -> {
            model.connection().orchestratorProperty().set(orchestrator.address());
            model.connection().monitorConsumerProperty().set(orchestrator.address());
            model.connection().connect();
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> tableShows(robot, "#orders", "demo-waits"));
        assertTrue(tableShows(robot, "#orders", "1/3, 1 waiting"), "the orders table counts the waiting task");

        robot.clickOn(cell(robot, "#orders", "demo-waits"));
        await().atMost(Duration.ofSeconds(5)).until(() -> tableShows(robot, "#tasks", "WAITING"));
        assertTrue(tableShows(robot, "#tasks", "needs 600m CPU, 400m free"), "why it waits");
        assertTrue(tableShows(robot, "#tasks", "2 (1 OOM)"), "the retried task's attempts");
        assertTrue(tableShows(robot, "#tasks", "3.2"), "throttled CPU seconds");

        robot.clickOn(cell(robot, "#tasks", "sharpen"));
        assertTrue(labelText(robot, "#usageTitle").contains("WAITING"), labelText(robot, "#usageTitle"));
        assertEquals("needs 600m CPU, 400m free", labelText(robot, "#taskReason"), "why, beside its charts");

        robot.clickOn(cell(robot, "#tasks", "resize"));
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> cpu = robot.lookup("#cpuChart").queryAs(LineChart.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> cpu.getData().size() == 4));
        assertEquals("throttled (m held back)", onFx(() -> cpu.getData().get(3).getName()));
        assertEquals(300.0, onFx(() -> cpu.getData().get(3).getData().get(0).getYValue().doubleValue()), 1e-9,
                "0.3 s/s drawn as 300m beside the 1000m limit");
        assertEquals(5, onFx(() -> cpu.getData().get(0).getData().size()), "the CPU samples");

        robot.clickOn(cell(robot, "#orders", "demo-oom"));
        await().atMost(Duration.ofSeconds(5)).until(() -> tableShows(robot, "#tasks", "FAILED (OOMKilled)"));
        assertTrue(tableShows(robot, "#tasks", "3 (3 OOM)"), "every attempt ran out of memory");
    }

    @Test
    void anOrderSubmittedElsewhereAppearsWithItsTasksPeaks(FxRobot robot) {
        robot.interact(() -> {
            model.connection().orchestratorProperty().set(orchestrator.address());
            model.connection().monitorConsumerProperty().set(orchestrator.address());
            model.connection().connect();
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> tableShows(robot, "#orders", "demo-waits"));

        // Submitted by the CLI: the window lists it within a few seconds, without a reconnect.
        orchestrator.add(Order.newBuilder().setId("from-the-cli").setState(OrderState.ORDER_SUCCEEDED)
                .addTasks(Task.newBuilder().setId(9).setPosition(0).setService("blur").setAllocation(ALLOCATION)
                        .setState(TaskState.TASK_SUCCEEDED).setAttempts(1).setPeakMemoryBytes(400L << 20)
                        .setDurationSeconds(2.0))
                .build());
        await().atMost(Duration.ofSeconds(15)).until(() -> tableShows(robot, "#orders", "from-the-cli"));

        robot.clickOn(cell(robot, "#orders", "from-the-cli"));
        await().atMost(Duration.ofSeconds(5)).until(() -> tableShows(robot, "#tasks", "blur"));
        assertTrue(tableShows(robot, "#tasks", "400"), "the peak in MiB");
        assertTrue(tableShows(robot, "#tasks", "0.78"), "peak over its 512 MiB limit");
        assertTrue(tableShows(robot, "#tasks", "above request"), "400 MiB used, 256 MiB requested");
    }
}
