package dev.rebound.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.WireJson;
import dev.rebound.testsupport.TestEvents;
import dev.rebound.testsupport.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The classifier process is killed (SIGKILL) after it has committed classifications to the database and before
 * the broker has acknowledged what they derive (the service publishes straight after the commit and commits
 * offsets after the acknowledgements). Started again, it meets those events again, finds them handled and
 * publishes their stored classifications: nothing is lost, nothing is stored twice. Runs the packaged service
 * as a separate process, with its own consumer group, schema and CloudEvents source so that no other instance
 * in this JVM's tests can do its work for it; the producer lingers 400 ms before sending, so that the window
 * between the commit and the acknowledgement is most of the time a batch takes.
 */
class CrashRecoveryIT {

    private static final String SCHEMA = "classifier_crash";
    private static final String SOURCE = "/rebound/crash-test";
    private static final int EVENTS = 400;
    private static final int ATTEMPTS = 3;

    @Test
    void aKillBetweenTheDatabaseWriteAndThePublishLosesNothing() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        Path log = Files.createTempFile("classifier-crash-", ".log");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String stored = "select count(*) from " + SCHEMA + ".classifications where service = 'crash-" + run + "'";
        List<String> ids = new ArrayList<>();
        try (TestEvents events = new TestEvents(infrastructure.bootstrapServers())) {
            for (int i = 0; i < EVENTS; i++) {
                ObjectNode error = WireJson.mapper().createObjectNode().put("operationId", "crash-" + run + "-" + i)
                        .put("service", "crash-" + run).put("environment", "ci")
                        .put("log", "curl: (6) Could not resolve host: mirror-" + (i % 7) + ".example.org")
                        .put("occurredAt", "2026-11-23T20:00:00Z");
                ids.add(events.publish(Topics.ERROR_EVENTS, i % 6, "crash-" + run + "-" + i, EventType.ERROR_REPORTED,
                        error).id());
            }
            // kill once more classifications are stored; with the process dead, the database and the topic hold
            // still: more stored than published means the kill fell between the commit and the acknowledgement
            boolean caughtInTheWindow = false;
            long storedAtKill = 0;
            for (int attempt = 0; attempt < ATTEMPTS && !caughtInTheWindow; attempt++) {
                Process process = start(infrastructure, log);
                try {
                    long before = count(infrastructure, stored);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                    while (System.nanoTime() < deadline && count(infrastructure, stored) <= before) {
                        Thread.sleep(5);
                    }
                } finally {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                storedAtKill = count(infrastructure, stored);
                caughtInTheWindow = storedAtKill > published(events, Topics.CLASSIFICATIONS, ids).size();
            }
            assertThat(caughtInTheWindow).as("a kill fell between the database write and the publish in %s attempts; "
                    + "log: %s", ATTEMPTS, log).isTrue();
            assertThat(storedAtKill).as("some events were processed before the kill, not all").isBetween(1L,
                    (long) EVENTS - 1);

            Process again = start(infrastructure, log);
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    assertThat(count(infrastructure, stored)).isEqualTo(EVENTS);
                    assertThat(published(events, Topics.CLASSIFICATIONS, ids))
                            .as("a classification published for every event").hasSize(EVENTS);
                    assertThat(published(events, Topics.RETRY_REQUESTS, ids))
                            .as("a retry request for every (transient) event").hasSize(EVENTS);
                });
                assertThat(count(infrastructure, "select count(*) from " + SCHEMA + ".outbox"))
                        .as("nothing parked").isZero();
            } finally {
                again.destroy();
                again.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The ids of the events among {@code ids} that something this service published on the topic was caused by. */
    private static Set<String> published(TestEvents events, String topic, List<String> ids) {
        return events.find(topic, r -> SOURCE.equals(TestEvents.header(r, "ce_source"))
                        && ids.contains(TestEvents.header(r, "ce_causationid")))
                .stream().map(r -> TestEvents.header(r, "ce_causationid")).collect(Collectors.toSet());
    }

    private static Process start(TestInfrastructure infrastructure, Path log) throws Exception {
        Path jar = Path.of("target", "classifier-service-0.1.0-SNAPSHOT.jar").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--spring.kafka.producer.properties.linger.ms=400")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(java.util.Map.of(
                "SERVER_PORT", "0",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers(),
                "SPRING_DATASOURCE_URL", infrastructure.jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", infrastructure.username(),
                "SPRING_DATASOURCE_PASSWORD", infrastructure.password(),
                "REBOUND_HTTP_TOKEN", "crash-test-token-0123456789",
                "REBOUND_DATABASE_SCHEMA", SCHEMA,
                "REBOUND_KAFKA_SOURCE", SOURCE,
                "SPRING_KAFKA_CONSUMER_GROUP_ID", "rebound-crash-test",
                "SPRING_KAFKA_CONSUMER_MAX_POLL_RECORDS", "20"));
        return builder.start();
    }

    private static long count(TestInfrastructure infrastructure, String sql) {
        try (Connection c = DriverManager.getConnection(infrastructure.jdbcUrl(), infrastructure.username(),
                infrastructure.password()); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            return 0; // the schema does not exist until the service has migrated it
        }
    }
}
