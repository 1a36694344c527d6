package io.rightsize.fx;

import static io.rightsize.fx.WindowTesting.onFx;
import static io.rightsize.fx.WindowTesting.tableShows;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.api.v1.ModelInfo;
import io.rightsize.api.v1.RecommenderInfo;
import io.rightsize.devstack.StackConfig;
import io.rightsize.fx.model.LossPoint;
import io.rightsize.fx.service.SettingsStore;
import io.rightsize.fx.view.MainView;
import io.rightsize.fx.viewmodel.ClientModel;
import io.rightsize.fx.viewmodel.PredictorViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Predictor tab without a stack: the backtest table of a trace file, and what it says when disconnected. */
@ExtendWith(ApplicationExtension.class)
class PredictorWindowTest {

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
    void plotsEachCandidatesTrainingLossAsItArrives(FxRobot robot) {
        robot.clickOn("Predictor");
        robot.interact(() -> model.predictor().lossCurve().addAll(
                new LossPoint("linear-sgd", 100, 0.30), new LossPoint("linear-sgd", 200, 0.12),
                new LossPoint("factorization-machine", 100, 0.25)));

        LineChart<?, ?> chart = robot.lookup("#lossCurve").queryAs(LineChart.class);
        assertEquals(2, onFx(() -> chart.getData().size()), "one line per candidate");
        assertEquals(2, onFx(() -> chart.getData().get(0).getData().size()));
        robot.interact(() -> model.predictor().lossCurve().clear());
        assertEquals(0, onFx(() -> chart.getData().size()), "a new training run starts a clean chart");
    }

    @Test
    void offersTheRecommendersThePredictorServes(FxRobot robot) {
        robot.clickOn("Predictor");
        ComboBox<?> choice = robot.lookup("#recommender").queryAs(ComboBox.class);
        assertEquals(List.of(PredictorViewModel.DEFAULT_RECOMMENDER), onFx(() -> List.copyOf(choice.getItems())),
                "before the predictor answers, only its default");
        robot.interact(() -> model.predictor().modelProperty().set(ModelInfo.newBuilder()
                .addRecommenders(RecommenderInfo.newBuilder().setName("rightsize-ml").setNeedsModel(true))
                .addRecommenders(RecommenderInfo.newBuilder().setName("vpa")).build()));
        assertEquals(List.of(PredictorViewModel.DEFAULT_RECOMMENDER, "rightsize-ml", "vpa"),
                onFx(() -> List.copyOf(choice.getItems())));
        assertEquals(PredictorViewModel.DEFAULT_RECOMMENDER, onFx(() -> choice.getValue()));
    }

    @Test
    void backtestsEveryRecommenderOnATraceFile(FxRobot robot) throws Exception {
        Path trace = generatedTrace(dir.resolve("trace.csv"));
        robot.clickOn("Predictor");
        robot.interact(() -> model.predictor().backtest(trace));

        await().atMost(Duration.ofSeconds(60)).until(() -> !onFx(() -> model.predictor().backtestStatusProperty().get())
                .startsWith("backtesting"));
        assertEquals("trace.csv: 4 series, 0 skipped (too short)",
                onFx(() -> model.predictor().backtestStatusProperty().get()));
        // The rows are there at once; their cells appear on the next layout pulse.
        for (String recommender : new String[] {"seed-max", "vpa-simple", "krr-simple", "rightsize"}) {
            await().atMost(Duration.ofSeconds(10)).until(() -> tableShows(robot, "#backtest", recommender));
        }
        assertEquals(12, onFx(() -> model.predictor().backtest().size()),
                "6 recommenders x 2 resources (krr, under 100 history points, with a no-recommendation row)");
    }

    @Test
    void aMalformedTraceSaysWhatIsWrong(FxRobot robot) throws Exception {
        Path trace = Files.writeString(dir.resolve("bad.csv"), "when,who\n1,a\n");
        robot.clickOn("Predictor");
        robot.interact(() -> model.predictor().backtest(trace));

        await().atMost(Duration.ofSeconds(30)).until(() -> !onFx(() -> model.predictor().backtestStatusProperty().get())
                .startsWith("backtesting"));
        String status = onFx(() -> model.predictor().backtestStatusProperty().get());
        assertTrue(status.contains("bad.csv") && status.contains("timestamp"), status);
        assertTrue(onFx(() -> model.predictor().backtest().isEmpty()));
    }

    @Test
    void modelInfoWhileDisconnectedSaysToConnectFirst(FxRobot robot) {
        robot.clickOn("Predictor");
        robot.clickOn("#modelInfo");
        assertEquals("connect or start the stack first", onFx(() -> model.predictor().statusProperty().get()));
    }

    /** Two services, CPU and memory, 120 seconds each, with a fixed seed. */
    private static Path generatedTrace(Path file) throws Exception {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("timestamp,service,resource,value\n");
        for (int second = 0; second < 120; second++) {
            for (String service : new String[] {"resize", "blur"}) {
                csv.append(String.format(Locale.ROOT, "%d,%s,cpu_millicores,%.1f%n", 1_700_000_000 + second, service,
                        Math.max(0, 400 + 200 * random.nextGaussian())));
                csv.append(String.format(Locale.ROOT, "%d,%s,memory_mib,%.1f%n", 1_700_000_000 + second, service,
                        300 + 20 * random.nextGaussian() + second));
            }
        }
        return Files.writeString(file, csv.toString());
    }
}
