package dev.rebound.testsupport;

import dev.rebound.stack.broker.KafkaBroker;
import dev.rebound.stack.database.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** An in-JVM KRaft broker and a zonky PostgreSQL in a temporary directory, on free ports. */
final class EmbeddedInfrastructure extends TestInfrastructure {

    private final Path directory;
    private final KafkaBroker broker;
    private final PostgresServer postgres;

    EmbeddedInfrastructure() {
        try {
            directory = Files.createTempDirectory("rebound-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = KafkaBroker.on(directory.resolve("kafka"), freePort(), freePort(), Map.of()).start();
        postgres = PostgresServer.on(directory.resolve("postgres"), freePort()).start();
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    @Override
    public String username() {
        return PostgresServer.USER;
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public void stopDatabase() {
        postgres.stop();
    }

    @Override
    public void startDatabase() {
        postgres.start();
    }

    @Override
    public void stopBroker() {
        broker.stop();
    }

    @Override
    public void startBroker() {
        broker.start();
    }

    @Override
    protected void shutdown() {
        broker.close();
        postgres.close();
        org.springframework.util.FileSystemUtils.deleteRecursively(directory.toFile());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
