package io.rightsize.consumer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the tests read and write around the tested service: tasks and rows in PostgreSQL, records of the DLQ. */
final class TestRows {

    private TestRows() {
    }

    record StoredTask(String orderId, long taskId) {
    }

    /** Stores an order with one task of the service, as the orchestrator would, so stats can name the service. */
    static StoredTask storeTask(String service) throws SQLException {
        String orderId = "order-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = connection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO orders (id, state, image, spec, submitted_at)"
                    + " VALUES (?, 'RUNNING', 'in.png', '{}'::jsonb, now())")) {
                s.setString(1, orderId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO services (name) VALUES (?)"
                    + " ON CONFLICT (name) DO NOTHING")) {
                s.setString(1, service);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO tasks (order_id, position, service_id, params,"
                    + " state) SELECT ?, 0, id, '{}'::jsonb, 'RUNNING' FROM services WHERE name = ? RETURNING id")) {
                s.setString(1, orderId);
                s.setString(2, service);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new StoredTask(orderId, rs.getLong(1));
                }
            }
        }
    }

    static long rows(String orderId) throws SQLException {
        return count("SELECT count(*) FROM samples x JOIN tasks t ON t.id = x.task_id WHERE t.order_id = ?", orderId);
    }

    static long gaps(long taskId) throws SQLException {
        return count("SELECT count(*) FROM sampling_gaps WHERE task_id = ?", taskId);
    }

    /** Samples of the service counted in the usage rollup: a sample stored twice would count twice. */
    static long rolledUp(String service) throws SQLException {
        return count("SELECT coalesce(sum(r.count), 0) FROM usage_rollup r JOIN services s ON s.id = r.service_id"
                + " WHERE s.name = ?", service);
    }

    /**
     * The dead-letter topic's records whose payload matches, with their {@code dead-letter-reason}, read from the
     * start until {@code expected} of them are there (or 30 s pass).
     */
    static Map<String, String> deadLetters(Predicate<String> payload, int expected) {
        Map<String, String> dead = new HashMap<>();
        Properties p = new Properties();
        p.put("bootstrap.servers", config().getValue("kafka.bootstrap.servers", String.class));
        p.put("group.id", "dlq-reader-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            dlq.subscribe(List.of("resources-dlq"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (dead.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : dlq.poll(Duration.ofMillis(500))) {
                    Header reason = r.headers().lastHeader("dead-letter-reason");
                    if (r.value() != null && payload.test(r.value()) && reason != null) {
                        dead.put(r.value(), new String(reason.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return dead;
    }

    static Connection connection() throws SQLException {
        return DriverManager.getConnection(config().getValue("quarkus.datasource.jdbc.url", String.class),
                config().getValue("quarkus.datasource.username", String.class),
                config().getValue("quarkus.datasource.password", String.class));
    }

    private static long count(String sql, Object key) throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
