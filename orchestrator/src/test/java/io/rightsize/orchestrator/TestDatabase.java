package io.rightsize.orchestrator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** A plain JDBC connection to the test's PostgreSQL, to set up history and read what the orchestrator stored. */
final class TestDatabase {

    private TestDatabase() {
    }

    static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** The first column of a one-parameter query, as longs, in the rows' order. */
    static List<Long> longs(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                List<Long> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
                return values;
            }
        }
    }
}
