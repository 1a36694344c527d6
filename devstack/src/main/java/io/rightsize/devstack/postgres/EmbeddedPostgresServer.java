package io.rightsize.devstack.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server (zonky's binaries, no installation needed) on 127.0.0.1. The data directory
 * survives a stop, so a restart keeps what was stored.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "rightsize";
    public static final String USER = "postgres";

    private final Path dataDir;
    private final Path workDir;
    private final int port;
    private final boolean stopWithJvm;
    private EmbeddedPostgres postgres;

    /** Stopped by a JVM shutdown hook if nobody closes it first: a safety net for tests. */
    public EmbeddedPostgresServer(Path dataDir, Path workDir, int port) {
        this(dataDir, workDir, port, true);
    }

    /**
     * {@code stopWithJvm} false leaves the stop to the owner alone: a JVM runs its shutdown hooks in no set order,
     * and one that stops the database while services still write to it loses their last rows.
     */
    public EmbeddedPostgresServer(Path dataDir, Path workDir, int port, boolean stopWithJvm) {
        this.dataDir = dataDir;
        this.workDir = workDir;
        this.port = port;
        this.stopWithJvm = stopWithJvm;
    }

    public synchronized EmbeddedPostgresServer start() {
        if (postgres != null) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(workDir);
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(stopWithJvm)
                    .start();
            createDatabase();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on 127.0.0.1:" + port, e);
        }
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * The postmaster, read from the first line of its {@code postmaster.pid}: pg_ctl starts it in its own session,
     * so it is no child of this JVM and outlives it when this JVM is killed.
     */
    public synchronized ProcessHandle postmaster() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:" + port + " is not started");
        }
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                    "the postmaster (pid " + pid + " in " + pidFile + ") is not running"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    @Override
    public synchronized void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
        }
    }

    private void createDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE, e);
        }
    }
}
