package io.rightsize.orchestrator.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.common.order.OrderLimits;
import io.rightsize.common.order.OrderParser;
import io.rightsize.common.order.OrderSpec;
import io.rightsize.common.order.ValidOrder;
import io.rightsize.common.order.ValidTask;
import io.rightsize.orchestrator.domain.OrderRecord;
import io.rightsize.orchestrator.domain.OrderState;
import io.rightsize.orchestrator.domain.TaskRecord;
import io.rightsize.orchestrator.domain.TaskState;
import io.rightsize.orchestrator.domain.TaskUsage;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Orders and tasks in PostgreSQL; every statement is parameterised. */
@ApplicationScoped
public class OrderStore {

    private static final TypeReference<Map<String, Double>> PARAMS = new TypeReference<>() {
    };

    private static final String TASK_COLUMNS = "t.id, t.order_id, t.position, s.name AS service, t.params::text AS params,"
            + " t.state, t.pid, t.host, t.started_at, t.finished_at, t.exit_code, t.reason, t.output_image,"
            + " t.cpu_request_millicores, t.cpu_limit_millicores, t.memory_request_bytes, t.memory_limit_bytes,"
            + " t.allocation_source, t.attempts, t.input_pixels,"
            + " t.cpu_seconds, t.peak_memory_bytes, t.throttled_seconds";

    private final Pool pool;

    public OrderStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Boolean> exists(String id) {
        return pool.preparedQuery("SELECT 1 FROM orders WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() > 0);
    }

    /** Stores a new order and its tasks in one transaction; the tasks get their ids here. */
    public Uni<OrderRecord> insert(ValidOrder order, Instant now) {
        return pool.withTransaction(conn -> conn
                .preparedQuery("INSERT INTO orders (id, state, image, spec, submitted_at) VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(order.id(), OrderState.PENDING.name(), order.image().toString(),
                        new JsonObject(specJson(order)), utc(now)))
                .chain(() -> insertTasks(conn, order, 0, new ArrayList<>()))
                .map(tasks -> new OrderRecord(order.id(), OrderState.PENDING, order.image().toString(), now, null,
                        null, tasks)));
    }

    private Uni<List<TaskRecord>> insertTasks(SqlClient conn, ValidOrder order, int index, List<TaskRecord> done) {
        if (index == order.tasks().size()) {
            return Uni.createFrom().item(done);
        }
        ValidTask task = order.tasks().get(index);
        return serviceId(conn, task.service())
                .chain(serviceId -> conn.preparedQuery("INSERT INTO tasks (order_id, position, service_id, params, state)"
                                + " VALUES ($1, $2, $3, $4, $5) RETURNING id")
                        .execute(Tuple.of(order.id(), task.position(), serviceId,
                                new JsonObject(Json.write(task.params())), TaskState.PENDING.name())))
                .chain(rows -> {
                    long id = rows.iterator().next().getLong("id");
                    done.add(new TaskRecord(id, task.position(), task.service(), task.params(), TaskState.PENDING,
                            null, null, null, null, null, null, null, null, 1, 0, null));
                    return insertTasks(conn, order, index + 1, done);
                });
    }

    private static Uni<Short> serviceId(SqlClient conn, String service) {
        return conn.preparedQuery("INSERT INTO services (name) VALUES ($1)"
                        + " ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id")
                .execute(Tuple.of(service))
                .map(rows -> rows.iterator().next().getShort("id"));
    }

    public Uni<Void> saveTask(String orderId, TaskRecord t) {
        Allocation a = t.allocation();
        Tuple values = Tuple.tuple()
                .addString(t.state().name())
                .addLong(t.pid())
                .addString(t.host())
                .addOffsetDateTime(utc(t.startedAt()))
                .addOffsetDateTime(utc(t.finishedAt()))
                .addInteger(t.exitCode())
                .addString(t.reason())
                .addString(t.outputImage())
                .addLong(a == null ? null : a.cpuRequestMillicores())
                .addLong(a == null ? null : a.cpuLimitMillicores())
                .addLong(a == null ? null : a.memoryRequestBytes())
                .addLong(a == null ? null : a.memoryLimitBytes())
                .addString(a == null ? null : a.source())
                .addInteger(t.attempts())
                .addLong(t.inputPixels() > 0 ? t.inputPixels() : null)
                .addDouble(t.usage() == null ? null : t.usage().cpuSeconds())
                .addLong(t.usage() == null ? null : t.usage().peakMemoryBytes())
                .addDouble(t.usage() == null || t.usage().throttledSeconds().isEmpty() ? null
                        : t.usage().throttledSeconds().getAsDouble())
                .addLong(t.id())
                .addString(orderId);
        return pool.preparedQuery("UPDATE tasks SET state = $1, pid = $2, host = $3, started_at = $4, finished_at = $5,"
                        + " exit_code = $6, reason = $7, output_image = $8, cpu_request_millicores = $9,"
                        + " cpu_limit_millicores = $10, memory_request_bytes = $11, memory_limit_bytes = $12,"
                        + " allocation_source = $13, attempts = $14, input_pixels = $15,"
                        + " cpu_seconds = $16, peak_memory_bytes = $17, throttled_seconds = $18"
                        + " WHERE id = $19 AND order_id = $20")
                .execute(values).replaceWithVoid();
    }

    public Uni<Void> saveOrder(OrderRecord order) {
        return pool.preparedQuery("UPDATE orders SET state = $1, finished_at = $2, reason = $3 WHERE id = $4")
                .execute(Tuple.of(order.state().name(), utc(order.finishedAt()), order.reason(), order.id()))
                .replaceWithVoid();
    }

    public Uni<Optional<OrderRecord>> find(String id) {
        return pool.preparedQuery("SELECT id, state, image, submitted_at, finished_at, reason FROM orders WHERE id = $1")
                .execute(Tuple.of(id))
                .chain(rows -> withTasks(rows))
                .map(orders -> orders.stream().findFirst());
    }

    /** Newest first. */
    public Uni<List<OrderRecord>> list(int limit) {
        return pool.preparedQuery("SELECT id, state, image, submitted_at, finished_at, reason FROM orders"
                        + " ORDER BY submitted_at DESC LIMIT $1")
                .execute(Tuple.of(limit))
                .chain(this::withTasks);
    }

    /** The order as it was submitted (its stored spec: id, image, tasks), to run it again after a restart. */
    public Uni<OrderSpec> spec(String orderId) {
        return pool.preparedQuery("SELECT spec::text AS spec FROM orders WHERE id = $1").execute(Tuple.of(orderId))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        throw new IllegalStateException("no order " + orderId);
                    }
                    return new OrderParser(OrderLimits.DEFAULT_MAX_JSON_BYTES).parse(it.next().getString("spec"));
                });
    }

    /** Orders a previous orchestrator left unfinished, e.g. after a crash. */
    public Uni<List<OrderRecord>> unfinished() {
        return pool.preparedQuery("SELECT id, state, image, submitted_at, finished_at, reason FROM orders"
                        + " WHERE state IN ($1, $2) ORDER BY submitted_at")
                .execute(Tuple.of(OrderState.PENDING.name(), OrderState.RUNNING.name()))
                .chain(this::withTasks);
    }

    private Uni<List<OrderRecord>> withTasks(RowSet<Row> orderRows) {
        List<Row> orders = new ArrayList<>();
        orderRows.forEach(orders::add);
        if (orders.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] ids = orders.stream().map(r -> r.getString("id")).toArray(String[]::new);
        return pool.preparedQuery("SELECT " + TASK_COLUMNS + " FROM tasks t JOIN services s ON s.id = t.service_id"
                        + " WHERE t.order_id = ANY($1) ORDER BY t.order_id, t.position")
                .execute(Tuple.of(ids))
                .map(taskRows -> {
                    Map<String, List<TaskRecord>> byOrder = new LinkedHashMap<>();
                    for (Row row : taskRows) {
                        byOrder.computeIfAbsent(row.getString("order_id"), k -> new ArrayList<>()).add(task(row));
                    }
                    return orders.stream().map(row -> new OrderRecord(row.getString("id"),
                            OrderState.valueOf(row.getString("state")), row.getString("image"),
                            instant(row.getOffsetDateTime("submitted_at")),
                            instant(row.getOffsetDateTime("finished_at")), row.getString("reason"),
                            byOrder.getOrDefault(row.getString("id"), List.of()))).toList();
                });
    }

    private static TaskRecord task(Row row) {
        Allocation allocation = row.getLong("cpu_request_millicores") == null ? null : new Allocation(
                row.getLong("cpu_request_millicores"), row.getLong("cpu_limit_millicores"),
                row.getLong("memory_request_bytes"), row.getLong("memory_limit_bytes"),
                row.getString("allocation_source"));
        return new TaskRecord(row.getLong("id"), row.getInteger("position"), row.getString("service"),
                readParams(row.getString("params")), TaskState.valueOf(row.getString("state")), row.getLong("pid"),
                row.getString("host"), instant(row.getOffsetDateTime("started_at")),
                instant(row.getOffsetDateTime("finished_at")), row.getInteger("exit_code"), row.getString("reason"),
                row.getString("output_image"), allocation, row.getInteger("attempts"),
                row.getLong("input_pixels") == null ? 0 : row.getLong("input_pixels"),
                row.getDouble("cpu_seconds") == null ? null
                        : new TaskUsage(row.getDouble("cpu_seconds"), row.getLong("peak_memory_bytes"),
                        row.getDouble("throttled_seconds") == null ? OptionalDouble.empty()
                                : OptionalDouble.of(row.getDouble("throttled_seconds"))));
    }

    private static Map<String, Double> readParams(String json) {
        try {
            return Json.mapper().readValue(json, PARAMS);
        } catch (Exception e) {
            throw new IllegalStateException("stored task params are not valid JSON: " + json, e);
        }
    }

    private static String specJson(ValidOrder order) {
        List<Map<String, Object>> tasks = order.tasks().stream()
                .map(t -> Map.<String, Object>of("name", t.service(), "params", t.params())).toList();
        return Json.write(Map.of("id", order.id(), "image", order.image().toString(), "tasks", tasks));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
