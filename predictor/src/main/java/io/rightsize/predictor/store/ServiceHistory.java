package io.rightsize.predictor.store;

import io.rightsize.allocation.size.SizedRun;
import io.rightsize.common.messaging.Resource;
import io.rightsize.tasks.catalog.TaskCatalog;
import io.rightsize.tasks.catalog.TaskDefinition;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A service's past beside its samples ({@link io.rightsize.allocation.store.StoredUsage}): its run lengths, its
 * out-of-memory events and its runs' sizes and peaks.
 */
@ApplicationScoped
public class ServiceHistory {

    private static final Logger LOG = Logger.getLogger(ServiceHistory.class);
    /** Enough runs for a line; the latest, so a changed task is learnt again. */
    private static final int MAX_SIZED_RUNS = 500;

    private final Pool pool;

    public ServiceHistory(Pool pool) {
        this.pool = pool;
    }

    /** The 75th percentile of the service's successful run lengths, in seconds. */
    public Uni<Optional<Double>> expectedSeconds(String service) {
        return pool.preparedQuery("SELECT percentile_cont(0.75) WITHIN GROUP"
                        + " (ORDER BY extract(epoch FROM (t.finished_at - t.started_at)))::float8 AS seconds"
                        + " FROM tasks t JOIN services s ON s.id = t.service_id"
                        + " WHERE s.name = $1 AND t.state = 'SUCCEEDED'")
                .execute(Tuple.of(service))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getDouble("seconds")));
    }

    /**
     * The service's latest successful runs with a known input size, as the size model learns from them: the pixels
     * each held (input and output, by the catalog's rule for its parameters) and its peak memory, the true peak its
     * process left, else its highest sample. Out-of-memory ends are not among them: what they show is a floor
     * ({@link #largestOomLimit}), and one kill at an odd limit would tilt a least-squares line.
     */
    public Uni<List<SizedRun>> sizedRuns(String service) {
        return pool.preparedQuery("SELECT t.input_pixels, t.params::text AS params, COALESCE(t.peak_memory_bytes,"
                        + " (SELECT max(x.value) FROM samples x WHERE x.task_id = t.id AND x.resource_id = $2))::bigint"
                        + " AS peak FROM tasks t JOIN services s ON s.id = t.service_id"
                        + " WHERE s.name = $1 AND t.input_pixels > 0 AND t.state = 'SUCCEEDED'"
                        + " ORDER BY t.id DESC LIMIT $3")
                .execute(Tuple.of(service, (short) Resource.MEMORY_BYTES.id(), MAX_SIZED_RUNS))
                .map(rows -> {
                    Optional<TaskDefinition> task = TaskCatalog.find(service);
                    List<SizedRun> runs = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        Long peak = row.getLong("peak");
                        long pixels = row.getLong("input_pixels");
                        if (peak != null && task.isPresent()) {
                            Map<String, Double> params = TrainingData.numericParams(row.getString("params"));
                            runs.add(new SizedRun(task.get().heldPixels(pixels, params), peak));
                        }
                    }
                    return runs;
                });
    }

    /**
     * The largest memory limit the service ran out of memory under, on an input no larger than {@code inputPixels}
     * (0: any input); an event whose task's input size is unknown always counts.
     */
    public Uni<Optional<Long>> largestOomLimit(String service, long inputPixels) {
        return pool.preparedQuery("SELECT max(o.memory_limit_bytes) AS bytes FROM oom_events o"
                        + " JOIN services s ON s.id = o.service_id LEFT JOIN tasks t ON t.id = o.task_id"
                        + " WHERE s.name = $1 AND ($2::bigint = 0 OR t.input_pixels IS NULL"
                        + " OR t.input_pixels <= $2::bigint)")
                .execute(Tuple.of(service, inputPixels))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getLong("bytes")))
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("no out-of-memory history available: %s", e.getMessage());
                    return Optional.empty();
                });
    }
}
