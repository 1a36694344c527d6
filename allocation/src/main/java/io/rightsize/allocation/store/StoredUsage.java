package io.rightsize.allocation.store;

import io.rightsize.allocation.policy.ServiceUsage;
import io.rightsize.common.messaging.Resource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one SQL reading of a service's history for the heuristics, whoever applies them (the predictor serving, the
 * orchestrator falling back): per service, the newest {@link ServiceUsage#MAX_SAMPLES} CPU and memory samples of
 * earlier tasks and how many runs they come from. Samples that are negative, infinite or NaN are left out: no
 * recommender takes them.
 */
public final class StoredUsage {

    private final Pool pool;

    public StoredUsage(Pool pool) {
        this.pool = pool;
    }

    /** Every asked service is in the answer; one without samples maps to {@link ServiceUsage#NONE}. */
    public Uni<Map<String, ServiceUsage>> of(Collection<String> services) {
        int cpu = Resource.CPU_MILLICORES.id();
        int memory = Resource.MEMORY_BYTES.id();
        return pool.preparedQuery("SELECT service, resource_id, task_id, value FROM ("
                        + " SELECT sv.name AS service, s.resource_id, s.task_id, s.value, s.timestamp, row_number() OVER"
                        + " (PARTITION BY sv.name, s.resource_id ORDER BY s.timestamp DESC) AS newness"
                        + " FROM samples s JOIN tasks t ON t.id = s.task_id JOIN services sv ON sv.id = t.service_id"
                        + " WHERE sv.name = ANY($1) AND s.resource_id IN ($2, $3)"
                        // PostgreSQL sorts NaN above infinity, so this also keeps out NaN.
                        + " AND s.value >= 0 AND s.value < 'Infinity'::float8) recent"
                        + " WHERE newness <= $4 ORDER BY service, resource_id, timestamp")
                .execute(Tuple.of(services.toArray(String[]::new), cpu, memory, ServiceUsage.MAX_SAMPLES))
                .map(rows -> {
                    Map<String, Map<Integer, List<Double>>> values = new HashMap<>();
                    Map<String, Set<Long>> runs = new HashMap<>();
                    for (Row row : rows) {
                        runs.computeIfAbsent(row.getString("service"), s -> new HashSet<>()).add(row.getLong("task_id"));
                        values.computeIfAbsent(row.getString("service"), s -> new HashMap<>())
                                .computeIfAbsent(row.getInteger("resource_id"), r -> new ArrayList<>())
                                .add(row.getDouble("value"));
                    }
                    Map<String, ServiceUsage> usage = new HashMap<>();
                    for (String service : services) {
                        Map<Integer, List<Double>> byResource = values.getOrDefault(service, Map.of());
                        usage.put(service, new ServiceUsage(runs.getOrDefault(service, Set.of()).size(),
                                array(byResource.get(cpu)), array(byResource.get(memory))));
                    }
                    return usage;
                });
    }

    private static double[] array(List<Double> values) {
        return values == null ? new double[0] : values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
