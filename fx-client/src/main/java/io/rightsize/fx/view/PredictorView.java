package io.rightsize.fx.view;

import io.rightsize.allocation.backtest.Backtest;
import io.rightsize.allocation.backtest.BacktestResult;
import io.rightsize.api.v1.Allocation;
import io.rightsize.api.v1.CandidateResult;
import io.rightsize.api.v1.ModelInfo;
import io.rightsize.api.v1.ResourceError;
import io.rightsize.api.v1.TaskRecommendation;
import io.rightsize.fx.model.LossPoint;
import io.rightsize.fx.viewmodel.OrderFileRow;
import io.rightsize.fx.viewmodel.OrdersViewModel;
import io.rightsize.fx.viewmodel.PredictorViewModel;
import java.io.File;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The predictor: model info and training (progress, loss curves, held-out error of each candidate), recommendations for a
 * loaded order before it is submitted, and the backtest table of a trace file.
 */
public final class PredictorView extends HBox {

    private static final double MIB = 1024.0 * 1024.0;

    private final Label modelSummary = new Label("no model information yet");
    private final BarChart<String, Number> candidates;

    public PredictorView(PredictorViewModel model, OrdersViewModel orders) {
        setSpacing(12);
        setPadding(new Insets(10));

        Button refresh = new Button("Model info");
        refresh.setId("modelInfo");
        refresh.setOnAction(e -> model.refreshModel());
        Button train = new Button("Train");
        train.setId("train");
        train.disableProperty().bind(model.trainingProperty());
        train.setOnAction(e -> model.train());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.trainProgressProperty());
        progress.setPrefWidth(200);
        Label status = new Label();
        status.setId("predictorStatus");
        status.textProperty().bind(model.statusProperty());
        modelSummary.setId("modelSummary");
        modelSummary.setWrapText(true);
        CategoryAxis algorithms = new CategoryAxis();
        NumberAxis error = new NumberAxis();
        error.setLabel("held-out RMSE (scaled)");
        candidates = new BarChart<>(algorithms, error);
        candidates.setId("candidates");
        candidates.setTitle("candidates");
        candidates.setLegendVisible(false);
        candidates.setAnimated(false);
        NumberAxis examples = new NumberAxis();
        examples.setLabel("examples seen");
        NumberAxis averageLoss = new NumberAxis();
        averageLoss.setLabel("training loss (scaled)");
        LineChart<Number, Number> loss = new LineChart<>(examples, averageLoss);
        loss.setId("lossCurve");
        loss.setTitle("training loss of the SGD candidates");
        loss.setAnimated(false);
        loss.setCreateSymbols(false);
        loss.setPrefHeight(220);
        model.lossCurve().addListener((ListChangeListener<LossPoint>) change -> plotLoss(loss, change));
        ListView<String> trainLog = new ListView<>(model.trainLog());
        trainLog.setId("trainLog");
        trainLog.setPrefHeight(160);
        model.modelProperty().addListener((obs, old, now) -> show(now));
        VBox modelBox = new VBox(8, new Label("Model"), new HBox(8, refresh, train, progress), status, modelSummary,
                candidates, loss, trainLog);
        VBox.setVgrow(candidates, Priority.ALWAYS);
        modelBox.setPrefWidth(520);

        ComboBox<OrderFileRow> files = new ComboBox<>(new FilteredList<>(orders.files(), f -> f.check().isValid()));
        files.setId("recommendFile");
        files.setPromptText("a loaded order file");
        files.setCellFactory(list -> new FileCell());
        files.setButtonCell(new FileCell());
        Button recommend = new Button("Recommend");
        recommend.setId("recommend");
        recommend.disableProperty().bind(files.valueProperty().isNull());
        ComboBox<String> recommenderChoice = new ComboBox<>(model.recommenders());
        recommenderChoice.setId("recommender");
        recommenderChoice.getSelectionModel().selectFirst();
        // The list follows what the predictor serves; a choice it no longer lists falls back to its default.
        model.recommenders().addListener((ListChangeListener<String>) change -> {
            if (!model.recommenders().contains(recommenderChoice.getValue())) {
                recommenderChoice.getSelectionModel().selectFirst();
            }
        });
        recommend.setOnAction(e -> model.recommend(files.getValue(), recommenderChoice.getValue()));
        Label recommender = new Label();
        recommender.textProperty().bind(model.recommenderProperty());
        TableView<TaskRecommendation> recommendations = new TableView<>(model.recommendations());
        recommendations.setId("recommendations");
        recommendations.setPlaceholder(new Label("Load an order file, pick it and press Recommend"));
        recommendations.getColumns().add(column("#", t -> Integer.toString(t.getPosition()), 30));
        recommendations.getColumns().add(column("service", TaskRecommendation::getService, 80));
        recommendations.getColumns().add(column("CPU m req/limit", t -> cpu(t.getAllocation()), 110));
        recommendations.getColumns().add(column("memory MiB req/limit", t -> memory(t.getAllocation()), 130));
        recommendations.getColumns().add(column("expected s",
                t -> String.format(Locale.ROOT, "%.1f", t.getExpectedSeconds()), 75));
        recommendations.getColumns().add(column("basis", TaskRecommendation::getBasis, 200));

        Button trace = new Button("Backtest a trace...");
        trace.setId("backtestTrace");
        trace.setOnAction(e -> chooseTrace(model));
        Label backtestStatus = new Label();
        backtestStatus.setId("backtestStatus");
        backtestStatus.textProperty().bind(model.backtestStatusProperty());
        TableView<BacktestResult> backtest = new TableView<>(model.backtest());
        backtest.setId("backtest");
        backtest.setPlaceholder(new Label("Choose a trace: CSV timestamp,service,resource,value"));
        backtest.getColumns().add(column("recommender", BacktestResult::recommender, 110));
        backtest.getColumns().add(column("resource", BacktestResult::resource, 150));
        backtest.getColumns().add(column("slack %", r -> r.scored()
                ? String.format(Locale.ROOT, "%.2f", r.slackPct()) : "no recommendation", 80));
        backtest.getColumns().add(column("overrun %", r -> r.scored()
                ? String.format(Locale.ROOT, "%.3f", r.overrunPct()) : "-", 80));
        backtest.getColumns().add(column("series", r -> Integer.toString(r.series()), 60));
        // Both scaled up to the lower of their two overruns: who wastes less at equal overrun.
        backtest.getColumns().add(column("slack % vs " + Backtest.REFERENCE + "'s at equal overrun",
                r -> r.versusReference() == null ? "-"
                : String.format(Locale.ROOT, "%.2f vs %.2f", r.versusReference().own().slackPct(),
                        r.versusReference().reference().slackPct()), 200));
        VBox.setVgrow(backtest, Priority.ALWAYS);

        VBox right = new VBox(8, new Label("Recommendations before submitting"), new HBox(8, files, recommenderChoice, recommend),
                recommender, recommendations, new Label("Backtest (history "
                + Math.round(100 * PredictorViewModel.HISTORY_FRACTION) + "% of each series)"),
                new HBox(8, trace, backtestStatus), backtest);
        recommendations.setPrefHeight(180);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(modelBox, right);
    }

    private void show(ModelInfo info) {
        candidates.getData().clear();
        if (info == null || !info.getPresent()) {
            modelSummary.setText("no model trained yet");
            return;
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s (version %s): %d training rows, %d held-out rows; default recommender %s",
                info.getAlgorithm(), info.getVersion(), info.getTrainingRows(), info.getValidationRows(),
                info.getDefaultRecommender()));
        for (ResourceError e : info.getErrorsList()) {
            text.append(String.format(Locale.ROOT, "%n%s: RMSE %.1f, MAE %.1f, coverage %.0f%%",
                    e.getResource().name(), e.getRmse(), e.getMae(), 100 * e.getCoverage()));
        }
        modelSummary.setText(text.toString());
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (CandidateResult candidate : info.getCandidatesList()) {
            series.getData().add(new XYChart.Data<>(candidate.getAlgorithm(), candidate.getScaledRmse()));
        }
        candidates.getData().add(series);
    }

    private static void plotLoss(LineChart<Number, Number> chart, ListChangeListener.Change<? extends LossPoint> change) {
        while (change.next()) {
            if (change.wasRemoved() && change.getList().isEmpty()) {
                chart.getData().clear();
            }
            for (LossPoint point : change.getAddedSubList()) {
                XYChart.Series<Number, Number> series = chart.getData().stream()
                        .filter(s -> s.getName().equals(point.candidate())).findFirst().orElseGet(() -> {
                            XYChart.Series<Number, Number> created = new XYChart.Series<>();
                            created.setName(point.candidate());
                            chart.getData().add(created);
                            return created;
                        });
                series.getData().add(new XYChart.Data<>(point.iteration(), point.loss()));
            }
        }
    }

    private void chooseTrace(PredictorViewModel model) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Backtest a usage trace");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Traces (*.csv)", "*.csv"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            model.backtest(file.toPath());
        }
    }

    private static String cpu(Allocation a) {
        return a.getCpuRequestMillicores() + " / " + a.getCpuLimitMillicores();
    }

    private static String memory(Allocation a) {
        return Math.round(a.getMemoryRequestBytes() / MIB) + " / " + Math.round(a.getMemoryLimitBytes() / MIB);
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static final class FileCell extends ListCell<OrderFileRow> {
        @Override
        protected void updateItem(OrderFileRow item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.file().getFileName().toString());
        }
    }
}
