package io.rightsize.predictor.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.features.TaskParams;
import io.rightsize.predictor.features.UsageRow;
import io.rightsize.tasks.catalog.InvalidParamException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads every stored sample of finished tasks with its order's context: the rows training learns from. */
@ApplicationScoped
public class TrainingData {

    private static final String QUERY = """
            WITH order_services AS (
                SELECT t.order_id, array_agg(DISTINCT s.name) AS services
                FROM tasks t JOIN services s ON s.id = t.service_id
                GROUP BY t.order_id)
            SELECT t.order_id, (extract(epoch FROM o.submitted_at) * 1000)::bigint AS submitted_ms,
                   os.services, s.name AS service, COALESCE(t.input_pixels, 0) AS input_pixels,
                   t.params::text AS params, x.resource_id,
                   extract(epoch FROM (x.timestamp - t.started_at))::float8 AS elapsed, x.value
            FROM samples x
            JOIN tasks t ON t.id = x.task_id
            JOIN services s ON s.id = t.service_id
            JOIN orders o ON o.id = t.order_id
            JOIN order_services os ON os.order_id = t.order_id
            WHERE t.state = 'SUCCEEDED' AND x.timestamp >= t.started_at
            """;

    private final Pool pool;

    public TrainingData(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<UsageRow>> load() {
        return pool.query(QUERY).execute().map(rows -> {
            List<UsageRow> result = new ArrayList<>(rows.size());
            // A million rows share a few thousand orders and a handful of services: one instance of each order id,
            // service name and order's service set, not one per row (a third of the heap training needs otherwise).
            Map<String, String> names = new HashMap<>();
            Map<String, Set<String>> servicesByOrder = new HashMap<>();
            Map<String, Map<String, Double>> paramsByServiceAndText = new HashMap<>();
            for (Row row : rows) {
                Resource resource = Resource.fromId(row.getShort("resource_id"));
                if (!resource.isDemand()) {
                    continue;
                }
                String orderId = names.computeIfAbsent(row.getString("order_id"), id -> id);
                Set<String> services = servicesByOrder.computeIfAbsent(orderId,
                        id -> Set.of(row.getArrayOfStrings("services")));
                String service = names.computeIfAbsent(row.getString("service"), name -> name);
                String paramsText = row.getString("params");
                result.add(new UsageRow(orderId, row.getLong("submitted_ms"), services, service,
                        row.getLong("input_pixels"), paramsByServiceAndText.computeIfAbsent(service + "|" + paramsText,
                                key -> asServed(service, numericParams(paramsText))),
                        resource, row.getDouble("elapsed"),
                        row.getDouble("value")));
            }
            return result;
        });
    }

    /**
     * Defaults filled in, as Predict and Recommend fill them: tasks stored by the orchestrator already have them all,
     * but a row written otherwise (or before a parameter joined the catalog) must not be learnt as 0.
     */
    static Map<String, Double> asServed(String service, Map<String, Double> stored) {
        try {
            return TaskParams.resolve(service, stored);
        } catch (InvalidParamException e) {
            return stored; // a value the catalog no longer accepts: learnt as it ran
        }
    }

    /** A task's stored parameters (a JSON object), its numeric ones only; one map per distinct text. */
    static Map<String, Double> numericParams(String json) {
        Map<String, Double> params = new TreeMap<>();
        try {
            Json.mapper().readTree(json == null ? "{}" : json).fields().forEachRemaining(field -> {
                if (field.getValue().isNumber()) {
                    params.put(field.getKey(), field.getValue().doubleValue());
                }
            });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("tasks.params is not JSON: " + json, e);
        }
        return Map.copyOf(params);
    }
}
