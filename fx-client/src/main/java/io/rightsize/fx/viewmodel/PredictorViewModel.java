package io.rightsize.fx.viewmodel;

import io.rightsize.allocation.backtest.Backtest;
import io.rightsize.allocation.backtest.BacktestResult;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.trace.MalformedTraceException;
import io.rightsize.allocation.trace.Series;
import io.rightsize.allocation.trace.TraceReader;
import io.rightsize.api.v1.ModelInfo;
import io.rightsize.api.v1.RecommendResponse;
import io.rightsize.api.v1.TaskRecommendation;
import io.rightsize.api.v1.TrainProgress;
import io.rightsize.fx.model.LossPoint;
import io.rightsize.fx.service.RightsizeGateway;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The predictor: its model, training with progress, what it would allocate to a loaded order before it is
 * submitted, and a local backtest of every recommender on a trace file.
 */
public final class PredictorViewModel {

    /** Share of each trace series a recommender sees; the rest judges it (as {@code ./rightsize backtest}). */
    public static final double HISTORY_FRACTION = 0.5;

    private final ReadOnlyObjectProperty<RightsizeGateway> gateway;
    private final ExecutorService executor;
    private final ObjectProperty<ModelInfo> model = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty training = new SimpleBooleanProperty();
    private final DoubleProperty trainProgress = new SimpleDoubleProperty();
    /** The first choice of recommender: let the predictor choose. */
    public static final String DEFAULT_RECOMMENDER = "predictor's default";
    /** The recommenders a user can ask for: the predictor's default, then those the predictor serves (GetModel). */
    private final ObservableList<String> recommenders = FXCollections.observableArrayList(DEFAULT_RECOMMENDER);

    private final ObservableList<String> trainLog = FXCollections.observableArrayList();
    private final ObservableList<LossPoint> lossCurve = FXCollections.observableArrayList();
    private final StringProperty recommender = new SimpleStringProperty("");
    private final ObservableList<TaskRecommendation> recommendations = FXCollections.observableArrayList();
    private final ObservableList<BacktestResult> backtest = FXCollections.observableArrayList();
    private final StringProperty backtestStatus = new SimpleStringProperty("");

    public PredictorViewModel(ReadOnlyObjectProperty<RightsizeGateway> gateway, ExecutorService executor) {
        this.gateway = gateway;
        this.executor = executor;
        // Connected: ask at once, so the recommenders it serves are offered before anyone presses Model info.
        gateway.addListener((o, old, now) -> {
            if (now != null) {
                refreshModel();
            }
        });
        model.addListener((o, old, info) -> {
            if (info != null && info.getRecommendersCount() > 0) {
                List<String> served = new ArrayList<>();
                served.add(DEFAULT_RECOMMENDER);
                info.getRecommendersList().forEach(r -> served.add(r.getName()));
                if (!served.equals(recommenders)) {
                    recommenders.setAll(served);
                }
            }
        });
    }

    public ObservableList<String> recommenders() {
        return recommenders;
    }

    public ObjectProperty<ModelInfo> modelProperty() {
        return model;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty trainingProperty() {
        return training;
    }

    public DoubleProperty trainProgressProperty() {
        return trainProgress;
    }

    /** The training-loss points of the current or last training run, in arrival order. */
    public ObservableList<LossPoint> lossCurve() {
        return lossCurve;
    }

    public ObservableList<String> trainLog() {
        return trainLog;
    }

    public StringProperty recommenderProperty() {
        return recommender;
    }

    public ObservableList<TaskRecommendation> recommendations() {
        return recommendations;
    }

    public ObservableList<BacktestResult> backtest() {
        return backtest;
    }

    public StringProperty backtestStatusProperty() {
        return backtestStatus;
    }

    public void refreshModel() {
        RightsizeGateway current = connected();
        if (current == null) {
            return;
        }
        executor.execute(() -> {
            try {
                ModelInfo info = current.model();
                Platform.runLater(() -> {
                    model.set(info);
                    status.set(info.getPresent() ? "model " + info.getVersion() : "no model trained yet");
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> status.set("model: " + RightsizeGateway.describe(e)));
            }
        });
    }

    public void train() {
        RightsizeGateway current = connected();
        if (current == null || training.get()) {
            return;
        }
        training.set(true);
        trainProgress.set(0);
        trainLog.clear();
        lossCurve.clear();
        executor.execute(() -> {
            try {
                current.train(progress -> Platform.runLater(() -> show(progress)));
                Platform.runLater(() -> status.set("training finished"));
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    trainLog.add("failed: " + RightsizeGateway.describe(e));
                    status.set("training failed: " + RightsizeGateway.describe(e));
                });
            } finally {
                Platform.runLater(() -> training.set(false));
            }
        });
    }

    /** What the predictor would allocate to each task of a loaded, valid order file. */
    public void recommend(OrderFileRow file, String recommenderName) {
        RightsizeGateway current = connected();
        if (current == null || file == null || !file.check().isValid()) {
            return;
        }
        List<String> services = file.check().services();
        executor.execute(() -> {
            try {
                RecommendResponse response = current.recommend(services, file.check().params(),
                        file.check().imagePixels(), DEFAULT_RECOMMENDER.equals(recommenderName) ? "" : recommenderName);
                Platform.runLater(() -> {
                    recommendations.setAll(response.getTasksList());
                    recommender.set(file.file().getFileName() + " by " + response.getRecommender());
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> status.set("recommend: " + RightsizeGateway.describe(e)));
            }
        });
    }

    /** Replays a long-format trace (timestamp,service,resource,value) through every recommender, locally. */
    public void backtest(Path trace) {
        backtestStatus.set("backtesting " + trace.getFileName() + "...");
        executor.execute(() -> {
            try {
                List<Series> series = TraceReader.read(trace);
                List<BacktestResult> results = Backtest.run(series, HISTORY_FRACTION, Recommenders.all());
                int skipped = Backtest.skipped(series, HISTORY_FRACTION);
                Platform.runLater(() -> {
                    backtest.setAll(results);
                    backtestStatus.set(String.format(Locale.ROOT, "%s: %d series, %d skipped (too short)",
                            trace.getFileName(), series.size(), skipped));
                });
            } catch (MalformedTraceException e) {
                Platform.runLater(() -> {
                    backtest.clear();
                    backtestStatus.set(e.getMessage());
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    backtest.clear();
                    backtestStatus.set(trace.getFileName() + ": cannot backtest: " + e);
                });
            }
        });
    }

    private void show(TrainProgress progress) {
        trainProgress.set(progress.getFractionDone());
        if (progress.getStage().equals("loss")) {
            lossCurve.add(new LossPoint(progress.getCandidate(), progress.getIteration(), progress.getLoss()));
            return;
        }
        trainLog.add(String.format(Locale.ROOT, "%3.0f%%  %s  %s", 100 * progress.getFractionDone(),
                progress.getStage(), progress.getMessage()));
        if (progress.hasModel()) {
            model.set(progress.getModel());
        }
    }

    private RightsizeGateway connected() {
        RightsizeGateway current = gateway.get();
        if (current == null) {
            status.set("connect or start the stack first");
        }
        return current;
    }
}
