package dev.rebound.kafka.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebound.contracts.DeadLetterHeaders;
import dev.rebound.contracts.EventIds;
import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.error.ErrorEvent;
import dev.rebound.kafka.cdevents.CDEventsMapper;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    private static final Set<EventType> ERRORS = Set.of(EventType.ERROR_REPORTED);
    private final CloudEventCodec codec = new CloudEventCodec(
            Validation.buildDefaultValidatorFactory().getValidator(), new CDEventsMapper());

    private static final ErrorEvent ERROR = new ErrorEvent("op-1", "checkout", "production", "deploy", "push", 2, 1,
            null, "registry-1.docker.io", "push failed", "dial tcp: i/o timeout", Instant.parse("2026-11-23T20:26:23Z"),
            Map.of("team", "payments"));

    @Test
    void encodesInBinaryModeWithSubjectCorrelationAndCausation() {
        OutboundEvent event = new OutboundEvent(Topics.ERROR_EVENTS, "op-1", "id-1", EventType.ERROR_REPORTED.type(),
                "/rebound/test", Instant.parse("2026-11-23T20:26:24Z"), "dep-7", "cause-1", ERROR);

        ProducerRecord<String, byte[]> record = codec.encode(event);

        assertThat(record.topic()).isEqualTo(Topics.ERROR_EVENTS);
        assertThat(record.key()).isEqualTo("op-1");
        assertThat(header(record.headers().lastHeader("ce_specversion").value())).isEqualTo("1.0");
        assertThat(header(record.headers().lastHeader("ce_type").value())).isEqualTo("rebound.error.reported.v1");
        assertThat(header(record.headers().lastHeader("ce_subject").value())).isEqualTo("op-1");
        assertThat(header(record.headers().lastHeader("ce_correlationid").value())).isEqualTo("dep-7");
        assertThat(header(record.headers().lastHeader("ce_causationid").value())).isEqualTo("cause-1");
        assertThat(header(record.headers().lastHeader("content-type").value())).isEqualTo("application/json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).startsWith("{\"operationId\":\"op-1\"");
    }

    @Test
    void decodesWhatItEncodes() {
        OutboundEvent event = new OutboundEvent(Topics.ERROR_EVENTS, "op-1", "id-1", EventType.ERROR_REPORTED.type(),
                "/rebound/test", Instant.parse("2026-11-23T20:26:24Z"), "dep-7", null, ERROR);

        Decoded decoded = codec.decode(Records.consumed(codec.encode(event)), ERRORS);

        assertThat(decoded).isInstanceOfSatisfying(Decoded.Accepted.class, a -> {
            assertThat(a.event().data()).isEqualTo(ERROR);
            assertThat(a.event().id()).isEqualTo("id-1");
            assertThat(a.event().correlationId()).isEqualTo("dep-7");
            assertThat(a.event().time()).isEqualTo(Instant.parse("2026-11-23T20:26:24Z"));
        });
    }

    @Test
    void aDerivedEventHasADeterministicIdAndNamesItsCause() {
        IncomingEvent<ErrorEvent> incoming = new IncomingEvent<>("in-1", EventType.ERROR_REPORTED.type(), "/p", null,
                "op-1", ERROR, Topics.ERROR_EVENTS, 0, 1);

        OutboundEvent derived = incoming.derive(ERROR, "/rebound/test", Instant.EPOCH);

        // ids are unique per source only: the derivation names both
        assertThat(derived.id()).isEqualTo(EventIds.derive("/p in-1", EventType.ERROR_REPORTED.type()));
        IncomingEvent<ErrorEvent> sameIdOtherSource = new IncomingEvent<>("in-1", EventType.ERROR_REPORTED.type(),
                "/other", null, "op-1", ERROR, Topics.ERROR_EVENTS, 0, 2);
        assertThat(sameIdOtherSource.derive(ERROR, "/rebound/test", Instant.EPOCH).id()).isNotEqualTo(derived.id());
        assertThat(derived.causationId()).isEqualTo("in-1");
        assertThat(derived.correlationId()).isEqualTo("op-1");
        assertThat(incoming.derive(ERROR, "/rebound/test", Instant.now()).id()).isEqualTo(derived.id());
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsNotACloudEvent() {
        Decoded decoded = codec.decode(Records.raw(Topics.ERROR_EVENTS, "{}".getBytes(), Map.of()), ERRORS);

        assertRejected(decoded, DeadLetterHeaders.KIND_NOT_A_CLOUDEVENT, null);
    }

    @Test
    void anUnknownTypeOrATypeOfAnotherTopicIsRefused() {
        // a health sample sent to the error events topic is misrouted: refused, even by a consumer of both
        assertRejected(codec.decode(Records.raw(Topics.ERROR_EVENTS, "{}".getBytes(),
                Map.of("ce_specversion", "1.0", "ce_id", "1", "ce_source", "/x", "ce_type", "com.example.thing")),
                ERRORS), DeadLetterHeaders.KIND_UNKNOWN_TYPE, null);
        assertRejected(codec.decode(Records.raw(Topics.ERROR_EVENTS, "{}".getBytes(),
                Records.ceHeaders(EventType.HEALTH_SAMPLED)), ERRORS), DeadLetterHeaders.KIND_UNKNOWN_TYPE, null);
    }

    @Test
    void dataThatIsNotJsonIsMalformed() {
        assertRejected(codec.decode(Records.raw(Topics.ERROR_EVENTS, "{\"operationId\":".getBytes(),
                Records.ceHeaders(EventType.ERROR_REPORTED)), ERRORS), DeadLetterHeaders.KIND_MALFORMED_DATA, null);
    }

    @Test
    void aValueOfTheWrongTypeIsMalformedAndNamesTheField() {
        String json = "{\"operationId\":\"op\",\"service\":\"s\",\"environment\":\"e\",\"attempt\":\"first\","
                + "\"occurredAt\":\"2026-11-23T20:26:23Z\"}";
        assertRejected(codec.decode(Records.raw(Topics.ERROR_EVENTS, json.getBytes(),
                Records.ceHeaders(EventType.ERROR_REPORTED)), ERRORS), DeadLetterHeaders.KIND_MALFORMED_DATA, "attempt");
    }

    @Test
    void anUnknownEnumValueIsMalformedAndNamesTheField() {
        String json = "{\"service\":\"s\",\"environment\":\"e\",\"timestamp\":\"2026-11-23T20:26:23Z\",\"track\":\"blue\"}";
        assertRejected(codec.decode(Records.raw(Topics.HEALTH_SAMPLES, json.getBytes(),
                        Records.ceHeaders(EventType.HEALTH_SAMPLED)), Set.of(EventType.HEALTH_SAMPLED)),
                DeadLetterHeaders.KIND_MALFORMED_DATA, "track");
    }

    @Test
    void aMissingRequiredFieldIsInvalidAndNamesTheField() {
        String json = "{\"operationId\":\"op\",\"service\":\"s\",\"environment\":\"e\"}";
        assertRejected(codec.decode(Records.raw(Topics.ERROR_EVENTS, json.getBytes(),
                Records.ceHeaders(EventType.ERROR_REPORTED)), ERRORS), DeadLetterHeaders.KIND_INVALID_DATA, "occurredAt");
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = "{\"operationId\":\"op\",\"service\":\"s\",\"environment\":\"e\",\"occurredAt\":\"2026-11-23T20:26:23Z\","
                + "\"addedInAFutureMinorVersion\":{\"x\":1}}";
        assertThat(codec.decode(Records.raw(Topics.ERROR_EVENTS, json.getBytes(),
                Records.ceHeaders(EventType.ERROR_REPORTED)), ERRORS)).isInstanceOf(Decoded.Accepted.class);
    }

    @Test
    void structuredModeIsAcceptedToo() {
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"s-1\",\"source\":\"/platform\","
                + "\"type\":\"rebound.error.reported.v1\",\"datacontenttype\":\"application/json\",\"data\":"
                + "{\"operationId\":\"op\",\"service\":\"s\",\"environment\":\"e\",\"occurredAt\":\"2026-11-23T20:26:23Z\"}}";
        Decoded decoded = codec.decode(Records.raw(Topics.ERROR_EVENTS, envelope.getBytes(),
                Map.of("content-type", "application/cloudevents+json")), ERRORS);

        assertThat(decoded).isInstanceOfSatisfying(Decoded.Accepted.class,
                a -> assertThat(((ErrorEvent) a.event().data()).operationId()).isEqualTo("op"));
    }

    @Test
    void aValidEventOfAnotherTypeOfTheTopicIsIgnoredNotRejected() {
        String json = "{\"deploymentId\":\"d\",\"service\":\"s\",\"environment\":\"e\",\"version\":\"1\","
                + "\"occurredAt\":\"2026-11-23T20:26:23Z\"}";
        Decoded decoded = codec.decode(Records.raw(Topics.DEPLOYMENT_EVENTS, json.getBytes(),
                Records.ceHeaders(EventType.DEPLOYMENT_STARTED)), Set.of(EventType.ROLLBACK_SUCCEEDED));

        assertThat(decoded).isInstanceOf(Decoded.Ignored.class);
    }

    @Test
    void inputThatMakesTheLibrariesThrowIsRejectedNotThrown() {
        // structured mode whose body is not a CloudEvents envelope
        assertThat(codec.decode(Records.raw(Topics.ERROR_EVENTS, "[1,2]".getBytes(),
                Map.of("content-type", "application/cloudevents+json")), ERRORS)).isInstanceOf(Decoded.Rejected.class);
        // a header without a value
        org.apache.kafka.common.header.internals.RecordHeaders headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        Records.ceHeaders(EventType.ERROR_REPORTED).forEach((k, v) -> headers.add(k, v.getBytes()));
        headers.add("ce_subject", null);
        headers.add("content-type", null);
        org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> nullHeader =
                new org.apache.kafka.clients.consumer.ConsumerRecord<>(Topics.ERROR_EVENTS, 0, 1L, 0L,
                        org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, "k", "{}".getBytes(), headers,
                        java.util.Optional.empty());
        assertThat(codec.decode(nullHeader, ERRORS)).isInstanceOf(Decoded.Rejected.class);
        // a null value
        assertThat(codec.decode(Records.raw(Topics.ERROR_EVENTS, null, Records.ceHeaders(EventType.ERROR_REPORTED)),
                ERRORS)).isInstanceOf(Decoded.Rejected.class);
    }

    @Test
    void anIdTooLongToBeAKeyIsInvalid() {
        Map<String, String> headers = new java.util.HashMap<>(Records.ceHeaders(EventType.ERROR_REPORTED));
        headers.put("ce_id", "x".repeat(CloudEventCodec.MAX_ID_LENGTH + 1));
        String json = "{\"operationId\":\"op\",\"service\":\"s\",\"environment\":\"e\",\"occurredAt\":\"2026-11-23T20:26:23Z\"}";

        assertRejected(codec.decode(Records.raw(Topics.ERROR_EVENTS, json.getBytes(), headers), ERRORS),
                DeadLetterHeaders.KIND_INVALID_DATA, "ce_id");
    }

    private static void assertRejected(Decoded decoded, String kind, String field) {
        assertThat(decoded).isInstanceOfSatisfying(Decoded.Rejected.class, r -> {
            assertThat(r.rejection().kind()).isEqualTo(kind);
            assertThat(r.rejection().reason()).isNotBlank();
            assertThat(r.rejection().field()).isEqualTo(field);
        });
    }

    private static String header(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }

}
