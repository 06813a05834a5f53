package dev.rebound.kafka.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.error.ErrorEvent;
import dev.rebound.kafka.LibraryFixture;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import dev.rebound.kafka.cloudevents.Records;
import dev.rebound.kafka.deadletter.DeadLetterPublisher;
import dev.rebound.kafka.outbox.Outbox;
import dev.rebound.kafka.outbox.RecordSender;
import dev.rebound.testsupport.TestEvents;
import dev.rebound.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * A {@link RepublishingHandler}'s pipeline on the real broker and database: when the broker does not acknowledge
 * the derived events after the commit, the batch fails; its retry finds the events handled and publishes what
 * was stored, with the same ids, and nothing is handled twice.
 */
class RepublishingPipelineIT {

    private static LibraryFixture fixture;
    private static TestEvents events;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = LibraryFixture.inSchema("republishing_test");
        fixture.jdbc().execute("create table if not exists echoes (event_id text primary key, service text not null)");
        events = new TestEvents(TestInfrastructure.shared().bootstrapServers());
    }

    @AfterAll
    static void tearDown() {
        events.close();
        fixture.producers().destroy();
    }

    /** Stores each error event's service and derives an "echo" of it; rebuilds the echo from what it stored. */
    private static final class Echo implements RepublishingHandler<ErrorEvent> {

        private final JdbcTemplate jdbc = fixture.jdbc();
        int handled;

        @Override
        public Subscription<ErrorEvent> subscription() {
            return Subscription.of(Topics.ERROR_EVENTS, ErrorEvent.class, EventType.ERROR_REPORTED);
        }

        @Override
        public List<OutboundEvent> handle(List<IncomingEvent<ErrorEvent>> fresh) {
            handled += fresh.size();
            for (IncomingEvent<ErrorEvent> event : fresh) {
                jdbc.update("insert into echoes (event_id, service) values (?, ?)", event.identity(),
                        event.data().service());
            }
            return republish(fresh);
        }

        @Override
        public List<OutboundEvent> republish(List<IncomingEvent<ErrorEvent>> seen) {
            List<OutboundEvent> out = new ArrayList<>();
            for (IncomingEvent<ErrorEvent> event : seen) {
                for (String service : jdbc.queryForList("select service from echoes where event_id = ?", String.class,
                        event.identity())) {
                    out.add(event.derive(echo(event.data().operationId(), service), "/echo", Instant.EPOCH));
                }
            }
            return out;
        }
    }

    @Test
    void aBatchWhoseOutputIsNotAcknowledgedIsRetriedAndPublishesTheStoredResultOnce() {
        Echo handler = new Echo();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OutboundEvent input = new OutboundEvent(Topics.ERROR_EVENTS, "op-" + run + "-" + i, UUID.randomUUID().toString(),
                    EventType.ERROR_REPORTED.type(), "/test", Instant.now(), null, null,
                    echo("op-" + run + "-" + i, "svc-" + run));
            batch.add(Records.consumed(fixture.codec().encode(input)));
        }
        // the broker cannot be reached after the commit: an outage between the database write and the publish
        DefaultKafkaProducerFactory<String, byte[]> unreachable = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1", ProducerConfig.MAX_BLOCK_MS_CONFIG, 500),
                new StringSerializer(), new ByteArraySerializer());
        try {
            assertThatThrownBy(() -> pipeline(handler, unreachable).process(batch)).isInstanceOf(KafkaException.class);
        } finally {
            unreachable.destroy();
        }
        assertThat(handler.handled).as("handled and committed before the publish").isEqualTo(3);

        pipeline(handler, fixture.producers()).process(batch);

        assertThat(handler.handled).as("the retry handles nothing again").isEqualTo(3);
        List<ConsumerRecord<String, byte[]>> echoes = events.find(Topics.ERROR_EVENTS,
                r -> "/echo".equals(TestEvents.header(r, "ce_source"))
                        && new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains("svc-" + run));
        assertThat(echoes.stream().map(r -> TestEvents.header(r, "ce_id")).distinct())
                .as("the stored result of every input event, published by the retry").hasSize(3);
        assertThat(echoes).as("once each").hasSize(3);
        assertThat(echoes.stream().map(r -> TestEvents.header(r, "ce_causationid")).distinct()).hasSize(3);
    }

    private static EventPipeline<ErrorEvent> pipeline(Echo handler, ProducerFactory<String, byte[]> producers) {
        RecordSender sender = new RecordSender(new KafkaTemplate<>(producers), Duration.ofSeconds(30));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Outbox outbox = new Outbox(fixture.jdbc(), fixture.transactions(), fixture.codec(), sender, 500, meters);
        return new EventPipeline<>(handler, fixture.codec(), new Inbox(fixture.jdbc()), outbox,
                new DeadLetterPublisher(sender, "republishing-test", Clock.systemUTC(), meters), fixture.transactions(),
                new PipelineHealth(Clock.systemUTC()), meters);
    }

    private static ErrorEvent echo(String operationId, String service) {
        return new ErrorEvent(operationId, service, "test", null, null, 1, null, null, null, "boom", null,
                Instant.parse("2026-11-24T00:00:00Z"), null);
    }
}
