package dev.rebound.testsupport;

import dev.rebound.contracts.TopicSpec;
import dev.rebound.contracts.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Kafka broker and a real PostgreSQL for integration tests, one pair per test JVM, started on first
 * use with every declared topic created. Embedded (an in-JVM KRaft broker and zonky PostgreSQL) by default;
 * Testcontainers when the system property {@code rebound.test.infrastructure=docker} is set
 * ({@code ./mvnw -B verify -Pdocker}).
 */
public abstract class TestInfrastructure {

    private static TestInfrastructure shared;

    /** The infrastructure of this JVM, started on first call. */
    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            shared = "docker".equals(System.getProperty("rebound.test.infrastructure"))
                    ? new DockerInfrastructure()
                    : new EmbeddedInfrastructure();
            shared.createTopics(Topics.ALL);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::shutdown, "test-infrastructure-shutdown"));
        }
        return shared;
    }

    public abstract String bootstrapServers();

    public abstract String jdbcUrl();

    public abstract String username();

    public abstract String password();

    /** Stops PostgreSQL, keeping its data; connections fail until {@link #startDatabase()}. */
    public abstract void stopDatabase();

    /** Starts PostgreSQL again on the same address. */
    public abstract void startDatabase();

    /** Stops the broker, keeping its data; clients fail until {@link #startBroker()}. */
    public abstract void stopBroker();

    /** Starts the broker again on the same address. */
    public abstract void startBroker();

    protected abstract void shutdown();

    /** An admin client of the broker; close it after use. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(Collection<TopicSpec> topics) {
        List<NewTopic> newTopics = topics.stream()
                .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.config()))
                .toList();
        try (Admin admin = admin()) {
            admin.createTopics(newTopics).values().values().forEach(TestInfrastructure::ignoreExisting);
        }
    }

    private static void ignoreExisting(org.apache.kafka.common.KafkaFuture<Void> creation) {
        try {
            creation.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create a topic", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
