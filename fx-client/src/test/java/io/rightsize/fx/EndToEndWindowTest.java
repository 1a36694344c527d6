package io.rightsize.fx;

import static io.rightsize.fx.WindowTesting.cell;
import static io.rightsize.fx.WindowTesting.onFx;
import static io.rightsize.fx.WindowTesting.tableShows;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.TaskState;
import io.rightsize.devstack.StackConfig;
import io.rightsize.fx.model.ComponentState;
import io.rightsize.fx.service.SettingsStore;
import io.rightsize.fx.view.MainView;
import io.rightsize.fx.view.Snapshots;
import io.rightsize.fx.viewmodel.ClientModel;
import io.rightsize.fx.viewmodel.OrderRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javafx.scene.chart.LineChart;
import javafx.stage.Stage;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window against the real stack, started from the window on free ports: a bad file is refused beside the
 * demo portrait order, which is submitted, runs to SUCCEEDED, and whose tasks' usage reaches the charts. Ends
 * with a picture of the window ({@code -Dfx.screenshot=PATH}).
 */
@ExtendWith(ApplicationExtension.class)
class EndToEndWindowTest {

    private static final Path HOME = Path.of(System.getProperty("rightsize.home")).toAbsolutePath().normalize();
    private static final Path DATA = HOME.resolve("fx-client/target/e2e-" + UUID.randomUUID());

    private ClientModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new ClientModel(() -> StackConfig.freePorts(HOME, DATA.resolve("stack")),
                new SettingsStore(DATA.resolve("settings.properties")));
        stage.setScene(new Scene(new MainView(model), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        model.shutdown();
    }

    @Test
    void startsTheStackRunsTheDemoOrderAndPlotsItsUsage(FxRobot robot) throws Exception {
        robot.clickOn("#startStack");
        await().atMost(Duration.ofSeconds(240)).until(() -> onFx(() -> model.connection().gateway().get() != null
                || model.connection().statusProperty().get().startsWith("the stack did not start")));
        assertTrue(onFx(() -> model.connection().gateway().get() != null),
                () -> onFx(() -> model.connection().statusProperty().get()));
        assertTrue(onFx(() -> model.connection().components().stream()
                .allMatch(c -> c.state() == ComponentState.READY)), "every component READY");
        assertEquals(6, onFx(() -> model.connection().components().size()));
        assertTrue(Files.readString(DATA.resolve("settings.properties")).contains("orchestrator"), "remembered");

        robot.interact(() -> model.orders().load(List.of(HOME.resolve("examples/orders/invalid/bad-param.json"),
                HOME.resolve("examples/orders/portrait.json"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> tableShows(robot, "#orderFiles", "ready"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> tableShows(robot, "#orderFiles", "invalid: tasks[0].params.radius"));

        robot.clickOn("#submitOrders");
        await().atMost(Duration.ofSeconds(30)).until(() -> tableShows(robot, "#orderFiles",
                "submitted as demo-portrait"));
        await().atMost(Duration.ofSeconds(10)).until(() -> tableShows(robot, "#orders", "demo-portrait"));
        robot.clickOn(cell(robot, "#orders", "demo-portrait"));

        await().atMost(Duration.ofSeconds(180)).until(() -> onFx(() -> model.orders().find("demo-portrait")
                .map(o -> o.orderProperty().get().getState()).orElse(null)) == OrderState.ORDER_SUCCEEDED);
        OrderRow order = model.orders().find("demo-portrait").orElseThrow();
        assertTrue(onFx(() -> order.tasks().size() == 4 && order.tasks().stream()
                .allMatch(t -> t.task().getState() == TaskState.TASK_SUCCEEDED)), "every task SUCCEEDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> tableShows(robot, "#tasks", "SUCCEEDED"));

        robot.clickOn(cell(robot, "#tasks", "resize"));
        LineChart<?, ?> cpu = robot.lookup("#cpuChart").queryAs(LineChart.class);
        // Usage, request, limit, and the throttling where the task ran in a cgroup of its own.
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> cpu.getData().size() >= 3
                && cpu.getData().get(0).getData().size() >= 2 && cpu.getData().get(2).getData().size() == 2));
        LineChart<?, ?> memory = robot.lookup("#memoryChart").queryAs(LineChart.class);
        assertTrue(onFx(() -> memory.getData().get(0).getData().size() >= 2), "memory points");
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> model.usage().storedStatsProperty().get())
                .contains("millicores"));

        Path screenshot = Path.of(System.getProperty("rightsize.fx.screenshot",
                HOME.resolve("fx-client/target/fx-client.png").toString()));
        robot.interact(() -> {
            try {
                Snapshots.savePng(stage.getScene().getRoot(), screenshot);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(screenshot) > 10_000, "screenshot written to " + screenshot);

        robot.clickOn("Predictor");
        robot.interact(() -> robot.lookup("#recommendFile").queryComboBox().getSelectionModel().selectFirst());
        robot.clickOn("#recommend");
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> model.predictor().recommendations().size()) == 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> tableShows(robot, "#recommendations", "resize"));

        robot.clickOn("#train");
        await().atMost(Duration.ofSeconds(180)).until(() -> onFx(() -> !model.predictor().trainingProperty().get()
                && !model.predictor().trainLog().isEmpty()));
        String lastTrainLine = onFx(() -> model.predictor().trainLog().get(model.predictor().trainLog().size() - 1));
        assertTrue(lastTrainLine.contains("model saved") || lastTrainLine.contains("FAILED_PRECONDITION"),
                "training ends with a model or the reason there is none: " + lastTrainLine);
        robot.clickOn("#modelInfo");
        await().atMost(Duration.ofSeconds(20)).until(() -> !onFx(() -> model.predictor().statusProperty().get())
                .isEmpty());
    }
}
