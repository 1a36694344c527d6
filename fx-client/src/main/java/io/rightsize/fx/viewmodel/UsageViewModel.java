package io.rightsize.fx.viewmodel;

import com.google.protobuf.Timestamp;
import io.rightsize.api.v1.TaskResourceStats;
import io.rightsize.api.v1.TaskState;
import io.rightsize.api.v1.UsageSample;
import io.rightsize.fx.model.Metric;
import io.rightsize.fx.model.UsagePoint;
import io.rightsize.fx.service.RightsizeGateway;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;

/**
 * Live usage of every task from WatchUsage. Samples arrive on a gRPC thread into a queue; once a second the
 * FX thread moves them into per-task series and bumps {@link #revisionProperty()} so the charts redraw. For a
 * finished task it also fetches the statistics of its samples stored in PostgreSQL (GetTaskUsage), and the samples
 * themselves (GetTaskSamples) when this window was not watching while the task ran.
 */
public final class UsageViewModel {

    private final Queue<UsageSample> inbox = new ConcurrentLinkedQueue<>();
    private final Map<Long, Map<Metric, List<UsagePoint>>> series = new HashMap<>();
    private final Map<Long, Double> firstSampleSeconds = new HashMap<>();
    private final ObjectProperty<TaskRow> selectedTask = new SimpleObjectProperty<>();
    private final LongProperty revision = new SimpleLongProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty storedStats = new SimpleStringProperty("");
    private final ReadOnlyObjectProperty<RightsizeGateway> gateway;
    private final ExecutorService executor;
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> drain()));
    private AutoCloseable stream;

    public UsageViewModel(ReadOnlyObjectProperty<RightsizeGateway> gateway, ExecutorService executor) {
        this.gateway = gateway;
        this.executor = executor;
        gateway.addListener((obs, old, now) -> follow(now));
        selectedTask.addListener((obs, old, now) -> fetchStoredStats(now));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        follow(gateway.get());
    }

    public ObjectProperty<TaskRow> selectedTaskProperty() {
        return selectedTask;
    }

    /** Bumped each second in which samples arrived. */
    public LongProperty revisionProperty() {
        return revision;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The selected finished task's stored samples, summarised; empty while it runs. */
    public StringProperty storedStatsProperty() {
        return storedStats;
    }

    public List<UsagePoint> points(long taskId, Metric metric) {
        Map<Metric, List<UsagePoint>> byMetric = series.get(taskId);
        if (byMetric == null) {
            return List.of();
        }
        return List.copyOf(byMetric.getOrDefault(metric, List.of()));
    }

    public void stop() {
        ticker.stop();
        follow(null);
    }

    private void follow(RightsizeGateway gateway) {
        if (stream != null) {
            try {
                stream.close();
            } catch (Exception e) {
                message.set("closing the usage stream: " + e.getMessage());
            }
            stream = null;
        }
        if (gateway != null) {
            stream = gateway.watchUsage(inbox::add, error -> Platform.runLater(
                    () -> message.set("live usage stopped: " + RightsizeGateway.describe(error))));
        }
    }

    private void fetchStoredStats(TaskRow row) {
        storedStats.set("");
        RightsizeGateway current = gateway.get();
        if (row == null || current == null || !isFinished(row.task().getState())) {
            return;
        }
        long taskId = row.task().getId();
        boolean watchedLive = series.containsKey(taskId);
        executor.execute(() -> {
            try {
                if (!watchedLive) {
                    inbox.addAll(current.taskSamples(row.orderId(), taskId));
                }
                List<TaskResourceStats> stats = current.taskUsage(row.orderId()).getStatsList().stream()
                        .filter(s -> s.getTaskId() == taskId).toList();
                String text = summary(stats);
                Platform.runLater(() -> {
                    if (selectedTask.get() == row) {
                        storedStats.set(text);
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> message.set("stored usage: " + RightsizeGateway.describe(e)));
            }
        });
    }

    private static String summary(List<TaskResourceStats> stats) {
        if (stats.isEmpty()) {
            return "no stored samples";
        }
        long samples = stats.stream().mapToLong(s -> s.getStats().getCount()).max().orElse(0);
        StringBuilder text = new StringBuilder("stored in PostgreSQL (" + samples + " samples), avg/p95/max:");
        String separator = " ";
        for (TaskResourceStats s : stats) {
            Optional<Metric> metric = Metric.of(s.getResourceValue());
            if (metric.isPresent()) {
                Metric m = metric.get();
                text.append(String.format(Locale.ROOT, "%s%s %.0f/%.0f/%.0f %s", separator, m.label(),
                        m.inUnit(s.getStats().getAvg()), m.inUnit(s.getStats().getP95()),
                        m.inUnit(s.getStats().getMax()), m.unit()));
                separator = "; ";
            }
        }
        return text.toString();
    }

    private static boolean isFinished(TaskState state) {
        return state == TaskState.TASK_SUCCEEDED || state == TaskState.TASK_FAILED
                || state == TaskState.TASK_CANCELLED;
    }

    private void drain() {
        boolean changed = false;
        for (UsageSample sample = inbox.poll(); sample != null; sample = inbox.poll()) {
            UsageSample s = sample;
            Metric.of(s.getResourceValue()).ifPresent(metric -> add(s, metric));
            changed = true;
        }
        if (changed) {
            revision.set(revision.get() + 1);
        }
    }

    private void add(UsageSample sample, Metric metric) {
        double seconds = seconds(sample.getTimestamp());
        double start = firstSampleSeconds.computeIfAbsent(sample.getTaskId(), id -> seconds);
        series.computeIfAbsent(sample.getTaskId(), id -> new EnumMap<>(Metric.class))
                .computeIfAbsent(metric, m -> new ArrayList<>())
                .add(new UsagePoint(Math.max(0, seconds - start), metric.inUnit(sample.getValue())));
    }

    private static double seconds(Timestamp timestamp) {
        return timestamp.getSeconds() + timestamp.getNanos() / 1e9;
    }
}
