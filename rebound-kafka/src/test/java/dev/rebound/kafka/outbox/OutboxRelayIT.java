package dev.rebound.kafka.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.error.ErrorEvent;
import dev.rebound.kafka.ReboundKafkaProperties;
import dev.rebound.kafka.cdevents.CDEventsMapper;
import dev.rebound.kafka.cloudevents.CloudEventCodec;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import dev.rebound.testsupport.TestEvents;
import dev.rebound.testsupport.TestInfrastructure;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A crash between the database commit and the publish loses nothing: the relay publishes what the outbox
 * holds, on the real broker and database.
 */
class OutboxRelayIT {

    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;
    private static DefaultKafkaProducerFactory<String, byte[]> producers;
    private static Outbox outbox;
    private static TestEvents events;

    @BeforeAll
    static void setUp() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        DriverManagerDataSource admin = new DriverManagerDataSource(infrastructure.jdbcUrl(), infrastructure.username(),
                infrastructure.password());
        new JdbcTemplate(admin).execute("create schema if not exists outbox_test");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                infrastructure.jdbcUrl() + "?currentSchema=outbox_test", infrastructure.username(), infrastructure.password());
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/rebound/R__rebound_kafka_tables.sql"),
                StandardCharsets.UTF_8));
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        CloudEventCodec codec = new CloudEventCodec(Validation.buildDefaultValidatorFactory().getValidator(),
                new CDEventsMapper());
        outbox = new Outbox(jdbc, codec, new RecordSender(new KafkaTemplate<>(producers), Duration.ofSeconds(30)));
        events = new TestEvents(infrastructure.bootstrapServers());
    }

    @AfterAll
    static void tearDown() {
        events.close();
        producers.destroy();
    }

    @Test
    void whatACrashLeftInTheOutboxIsPublishedByTheRelay() {
        List<OutboundEvent> staged = List.of(event(), event(), event());
        transactions.executeWithoutResult(status -> outbox.stage(staged));
        // the process "dies" here: committed, never published

        OutboxRelay relay = new OutboxRelay(outbox, transactions, jdbc, properties(Duration.ZERO));
        assertThat(relay.relayOnce()).isGreaterThanOrEqualTo(3);

        for (OutboundEvent event : staged) {
            assertThat(events.find(Topics.ERROR_EVENTS, r -> event.id().equals(TestEvents.header(r, "ce_id"))))
                    .as("published %s", event.id()).hasSize(1);
        }
        assertThat(outbox.backlog()).isZero();
    }

    @Test
    void theRelayLeavesFreshRowsToTheConsumerThatWroteThem() {
        OutboundEvent fresh = event();
        transactions.executeWithoutResult(status -> outbox.stage(List.of(fresh)));

        OutboxRelay patientRelay = new OutboxRelay(outbox, transactions, jdbc, properties(Duration.ofMinutes(5)));
        assertThat(patientRelay.relayOnce()).isZero();
        outbox.publish(List.of(fresh));

        assertThat(outbox.backlog()).isZero();
        assertThat(events.find(Topics.ERROR_EVENTS, r -> fresh.id().equals(TestEvents.header(r, "ce_id")))).hasSize(1);
    }

    @Test
    void stagingTheSameEventTwiceKeepsOneRow() {
        OutboundEvent event = event();
        transactions.executeWithoutResult(status -> outbox.stage(List.of(event)));
        transactions.executeWithoutResult(status -> outbox.stage(List.of(event)));

        assertThat(jdbc.queryForObject("select count(*) from outbox where event_id = ?", Integer.class, event.id()))
                .isEqualTo(1);
        outbox.publish(List.of(event));
    }

    private static ReboundKafkaProperties properties(Duration grace) {
        return new ReboundKafkaProperties("/test", false,
                new ReboundKafkaProperties.Retry(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1)),
                new ReboundKafkaProperties.Outbox(Duration.ofSeconds(1), grace, 500),
                Duration.ofDays(7), Duration.ofSeconds(2));
    }

    private static OutboundEvent event() {
        String id = UUID.randomUUID().toString();
        ErrorEvent data = new ErrorEvent("op-" + id, "checkout", "test", null, null, 1, null, null, null, "boom", null,
                Instant.now(), null);
        return new OutboundEvent(Topics.ERROR_EVENTS, data.key(), id, EventType.ERROR_REPORTED.type(), "/test",
                Instant.now(), null, null, data);
    }
}
