package dev.rebound.kafka.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.error.ErrorEvent;
import dev.rebound.kafka.LibraryFixture;
import dev.rebound.kafka.ReboundKafkaProperties;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import dev.rebound.testsupport.TestEvents;
import dev.rebound.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the real broker and database: a crash between the commit and the publish loses nothing, what is pending
 * goes out oldest first, and an event the broker refuses for good is parked without blocking the others.
 */
class OutboxIT {

    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;
    private static DefaultKafkaProducerFactory<String, byte[]> producers;
    private static Outbox outbox;
    private static TestEvents events;

    @BeforeAll
    static void setUp() throws Exception {
        LibraryFixture fixture = LibraryFixture.inSchema("outbox_test");
        jdbc = fixture.jdbc();
        transactions = fixture.transactions();
        producers = fixture.producers();
        outbox = new Outbox(jdbc, transactions, fixture.codec(),
                new RecordSender(new KafkaTemplate<>(producers), Duration.ofSeconds(30)), 500, new SimpleMeterRegistry());
        events = new TestEvents(TestInfrastructure.shared().bootstrapServers());
    }

    @AfterAll
    static void tearDown() {
        events.close();
        producers.destroy();
    }

    @Test
    void whatACrashLeftInTheOutboxIsPublishedByTheRelay() {
        List<OutboundEvent> staged = List.of(event("op-a"), event("op-b"), event("op-c"));
        transactions.executeWithoutResult(status -> outbox.stage(staged));
        // the process "dies" here: committed, never published

        OutboxRelay relay = new OutboxRelay(outbox, jdbc, properties());
        assertThat(relay.relayOnce()).isGreaterThanOrEqualTo(3);

        for (OutboundEvent event : staged) {
            assertThat(events.find(Topics.ERROR_EVENTS, r -> event.id().equals(TestEvents.header(r, "ce_id"))))
                    .as("published %s", event.id()).hasSize(1);
        }
        assertThat(outbox.backlog()).isZero();
    }

    @Test
    void aRunningRelayPublishesWhenABatchAsksAndTheCallerMovesOn() {
        // a timer that never fires within the test: only the wake-up can publish
        ReboundKafkaProperties slowTimer = new ReboundKafkaProperties("/test", false,
                new ReboundKafkaProperties.Retry(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1)),
                new ReboundKafkaProperties.Outbox(Duration.ofHours(1), 500, Duration.ofSeconds(30)),
                Duration.ofDays(31), Duration.ofSeconds(2));
        OutboxRelay relay = new OutboxRelay(outbox, jdbc, slowTimer);
        relay.start();
        try {
            OutboundEvent event = event("op-woken");
            transactions.executeWithoutResult(status -> outbox.stage(List.of(event)));

            outbox.requestPublish();

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(events.find(Topics.ERROR_EVENTS, r -> event.id().equals(TestEvents.header(r, "ce_id"))))
                            .hasSize(1));
            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("outbox-relay"));
        } finally {
            relay.stop();
        }
        assertThat(relay.isRunning()).isFalse();
        // without a relay, asking publishes at once, in the caller
        OutboundEvent after = event("op-after-stop");
        transactions.executeWithoutResult(status -> outbox.stage(List.of(after)));
        outbox.requestPublish();
        assertThat(outbox.backlog()).isZero();
    }

    @Test
    void pendingEventsGoOutOldestFirst() {
        OutboundEvent older = event("op-same-key");
        OutboundEvent newer = event("op-same-key");
        transactions.executeWithoutResult(status -> outbox.stage(List.of(older)));
        // an attempt failed to publish `older`; a later batch stages `newer` and publishes what is pending
        transactions.executeWithoutResult(status -> outbox.stage(List.of(newer)));
        outbox.publishPending();

        long olderOffset = offsetOf(older);
        long newerOffset = offsetOf(newer);
        assertThat(olderOffset).isLessThan(newerOffset);
    }

    @Test
    void anEventTheBrokerRefusesForGoodIsParkedAndTheOthersGoOut() {
        OutboundEvent tooLarge = event("op-huge", "x".repeat(2 * 1024 * 1024));
        OutboundEvent fine = event("op-fine");
        transactions.executeWithoutResult(status -> outbox.stage(List.of(tooLarge, fine)));

        outbox.publishPending();

        assertThat(events.find(Topics.ERROR_EVENTS, r -> fine.id().equals(TestEvents.header(r, "ce_id")))).hasSize(1);
        assertThat(outbox.parked()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select error from outbox where event_id = ?", String.class, tooLarge.id()))
                .contains("RecordTooLargeException");
        jdbc.update("delete from outbox where event_id = ?", tooLarge.id());
    }

    @Test
    void publishingNowSendsAtOnceAndParksWhatTheBrokerRefusesForGood() {
        OutboundEvent tooLarge = event("op-huge-now", "x".repeat(2 * 1024 * 1024));
        OutboundEvent fine = event("op-fine-now");

        outbox.publishNow(List.of(tooLarge, fine));

        assertThat(events.find(Topics.ERROR_EVENTS, r -> fine.id().equals(TestEvents.header(r, "ce_id")))).hasSize(1);
        assertThat(jdbc.queryForList("select event_id from outbox", String.class))
                .as("only the refused event is kept, parked").containsExactly(tooLarge.id());
        assertThat(jdbc.queryForObject("select error from outbox where event_id = ? and parked_at is not null",
                String.class, tooLarge.id())).contains("RecordTooLargeException");
        jdbc.update("delete from outbox where event_id = ?", tooLarge.id());
    }

    @Test
    void stagingTheSameEventTwiceKeepsOneRow() {
        OutboundEvent event = event("op-twice");
        transactions.executeWithoutResult(status -> outbox.stage(List.of(event)));
        transactions.executeWithoutResult(status -> outbox.stage(List.of(event)));

        assertThat(jdbc.queryForObject("select count(*) from outbox where event_id = ?", Integer.class, event.id()))
                .isEqualTo(1);
        outbox.publishPending();
    }

    private static long offsetOf(OutboundEvent event) {
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> found =
                events.find(Topics.ERROR_EVENTS, r -> event.id().equals(TestEvents.header(r, "ce_id")));
        assertThat(found).hasSize(1);
        return found.get(0).offset();
    }

    private static ReboundKafkaProperties properties() {
        return new ReboundKafkaProperties("/test", false,
                new ReboundKafkaProperties.Retry(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1)),
                new ReboundKafkaProperties.Outbox(Duration.ofSeconds(1), 500, Duration.ofSeconds(30)),
                Duration.ofDays(31), Duration.ofSeconds(2));
    }

    private static OutboundEvent event(String operationId) {
        return event(operationId, null);
    }

    private static OutboundEvent event(String operationId, String log) {
        String id = UUID.randomUUID().toString();
        ErrorEvent data = new ErrorEvent(operationId, "checkout", "test", null, null, 1, null, null, null, "boom", log,
                Instant.now(), null);
        return new OutboundEvent(Topics.ERROR_EVENTS, data.key(), id, EventType.ERROR_REPORTED.type(), "/test",
                Instant.now(), null, null, data);
    }
}
