package io.rightsize.cli.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The order and task rows simulated samples belong to (samples reference their task, as real ones do); tasks are
 * spread round-robin over services {@code bench-1..bench-N}.
 */
record BenchTasks(String orderId, List<Long> taskIds) {

    static BenchTasks create(Connection db, String orderId, int tasks, int services) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("INSERT INTO orders (id, state, image, spec, submitted_at)"
                + " VALUES (?, 'RUNNING', 'bench.png', '{}'::jsonb, now())")) {
            s.setString(1, orderId);
            s.executeUpdate();
        }
        try (PreparedStatement s = db.prepareStatement("INSERT INTO services (name) SELECT 'bench-' || g"
                + " FROM generate_series(1, ?) g ON CONFLICT (name) DO NOTHING")) {
            s.setInt(1, services);
            s.executeUpdate();
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("INSERT INTO tasks (order_id, position, service_id, params,"
                + " state) SELECT ?, g, (SELECT id FROM services WHERE name = 'bench-' || (g % ? + 1)), '{}'::jsonb,"
                + " 'RUNNING' FROM generate_series(0, ? - 1) g RETURNING id")) {
            s.setString(1, orderId);
            s.setInt(2, services);
            s.setInt(3, tasks);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return new BenchTasks(orderId, ids);
    }
}
