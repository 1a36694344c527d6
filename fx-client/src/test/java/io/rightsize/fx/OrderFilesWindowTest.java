package io.rightsize.fx;

import static io.rightsize.fx.WindowTesting.onFx;
import static io.rightsize.fx.WindowTesting.tableShows;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Loading order files in the window, without a stack: each file is listed with its check. */
@ExtendWith(ApplicationExtension.class)
class OrderFilesWindowTest {

    private static final Path HOME = Path.of(System.getProperty("rightsize.home")).toAbsolutePath().normalize();

    @TempDir
    static Path dir;

    private ClientModel model;

    @Start
    void start(Stage stage) {
        model = new ClientModel(() -> StackConfig.freePorts(HOME, dir.resolve("stack")),
                new SettingsStore(dir.resolve("settings.properties")));
        stage.setScene(new Scene(new MainView(model), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        model.shutdown();
    }

    @Test
    void aBadOrderFileShowsItsFieldAndReasonBesideAGoodOne(FxRobot robot) {
        robot.clickOn("Orders and usage");
        robot.interact(() -> model.orders().load(List.of(HOME.resolve("examples/orders/portrait.json"),
                HOME.resolve("examples/orders/invalid/bad-param.json"))));

        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> model.orders().files().size()) == 2);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                tableShows(robot, "#orderFiles", "invalid: tasks[0].params.radius: must be between 1 and 50"));
        assertEquals(true, tableShows(robot, "#orderFiles", "bad-param.json"));
        assertEquals(true, tableShows(robot, "#orderFiles", "ready"));
    }

    @Test
    void submittingWhileDisconnectedSaysToConnectFirst(FxRobot robot) {
        robot.clickOn("Orders and usage");
        robot.interact(() -> model.orders().load(List.of(HOME.resolve("examples/orders/portrait.json"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> model.orders().files().size()) == 1);

        robot.clickOn("#submitOrders");

        await().atMost(Duration.ofSeconds(5)).until(() -> onFx(() -> model.orders().messageProperty().get())
                .equals("connect or start the stack first"));
        assertEquals(true, tableShows(robot, "#orderFiles", "ready"));
    }
}
