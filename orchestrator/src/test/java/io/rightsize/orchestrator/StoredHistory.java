package io.rightsize.orchestrator;

import io.rightsize.common.messaging.Resource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Earlier runs of a service in the test's PostgreSQL, as the orchestrator and the monitor-consumer store them. */
public final class StoredHistory {

    private StoredHistory() {
    }

    /** One earlier task of {@code service} with these samples, a second apart, an hour ago. */
    public static void storeEarlierTask(String service, double[] cpuMillicores, double[] memoryBytes)
            throws SQLException {
        String orderId = "history-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().minusSeconds(3600);
        try (Connection db = TestDatabase.connect()) {
            returningId(db, "INSERT INTO orders (id, state, image, spec, submitted_at)"
                    + " VALUES (?, 'SUCCEEDED', 'earlier.png', '{}'::jsonb, ?) RETURNING 0", orderId,
                    Timestamp.from(start));
            long serviceId = returningId(db, "INSERT INTO services (name) VALUES (?)"
                    + " ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id", service);
            long taskId = returningId(db, "INSERT INTO tasks (order_id, position, service_id, params, state)"
                    + " VALUES (?, 0, ?, '{}'::jsonb, 'SUCCEEDED') RETURNING id", orderId, (short) serviceId);
            try (PreparedStatement samples = db.prepareStatement("INSERT INTO samples (task_id, resource_id,"
                    + " value, timestamp) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < cpuMillicores.length; i++) {
                    Instant at = start.plusSeconds(i);
                    addSample(samples, taskId, Resource.CPU_MILLICORES, cpuMillicores[i], at);
                    addSample(samples, taskId, Resource.MEMORY_BYTES, memoryBytes[i], at);
                }
                samples.executeBatch();
            }
        }
    }

    private static long returningId(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void addSample(PreparedStatement samples, long taskId, Resource resource, double value,
                                  Instant at) throws SQLException {
        samples.setLong(1, taskId);
        samples.setInt(2, resource.id());
        samples.setDouble(3, value);
        samples.setTimestamp(4, Timestamp.from(at));
        samples.addBatch();
    }
}
