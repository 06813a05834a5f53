package dev.rebound.kafka.cloudevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.rebound.contracts.CloudEventAttributes;
import dev.rebound.contracts.DeadLetterHeaders;
import dev.rebound.contracts.EventData;
import dev.rebound.contracts.EventType;
import dev.rebound.contracts.WireJson;
import dev.rebound.kafka.cdevents.CDEventsMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns events into Kafka records (CloudEvents binary mode, through the CloudEvents SDK) and records back
 * into validated events. Decoding never throws: a record is accepted, ignored or rejected with a reason.
 */
public final class CloudEventCodec {

    private final Validator validator;
    private final CDEventsMapper cdevents;

    public CloudEventCodec(Validator validator, CDEventsMapper cdevents) {
        this.validator = validator;
        this.cdevents = cdevents;
    }

    /** The record for an event, in binary content mode. */
    public ProducerRecord<String, byte[]> encode(OutboundEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(URI.create(event.source()))
                .withType(event.type())
                .withDataContentType(CloudEventAttributes.CONTENT_TYPE)
                .withData(WireJson.write(event.data()));
        if (event.key() != null) {
            builder.withSubject(event.key());
        }
        if (event.time() != null) {
            builder.withTime(event.time().atOffset(ZoneOffset.UTC));
        }
        if (event.correlationId() != null) {
            builder.withExtension(CloudEventAttributes.CORRELATION_ID, event.correlationId());
        }
        if (event.causationId() != null) {
            builder.withExtension(CloudEventAttributes.CAUSATION_ID, event.causationId());
        }
        return KafkaMessageFactory.createWriter(event.topic(), event.key()).writeBinary(builder.build());
    }

    /** Longest {@code ce_id} or {@code ce_source} accepted: they become database keys. */
    static final int MAX_ID_LENGTH = 1024;

    /**
     * What a consumed record is, for a consumer that accepts the given event types on its topic. Never throws:
     * whatever cannot be read is rejected with a reason. A valid event of a type that belongs on the topic but
     * that this consumer does not subscribe to is ignored, not rejected.
     */
    public Decoded decode(ConsumerRecord<String, byte[]> record, Set<EventType> accepted) {
        try {
            return decodeOrThrow(record, accepted);
        } catch (RuntimeException e) {
            // a library failing on input it did not expect: still bad input, never a reason to stop the partition
            return reject(record, DeadLetterHeaders.KIND_MALFORMED_DATA,
                    "unreadable record: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    private Decoded decodeOrThrow(ConsumerRecord<String, byte[]> record, Set<EventType> accepted) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent();
        } catch (RuntimeException e) {
            String reason = record.headers().lastHeader("ce_specversion") == null
                    ? "not a CloudEvent: no ce_specversion header (binary mode) and content-type is not "
                            + "application/cloudevents+json (structured mode)"
                    : "not a CloudEvent: " + e.getMessage();
            return reject(record, DeadLetterHeaders.KIND_NOT_A_CLOUDEVENT, reason, null);
        }
        if (cloudEvent.getId().length() > MAX_ID_LENGTH) {
            return reject(record, DeadLetterHeaders.KIND_INVALID_DATA, "ce_id is longer than " + MAX_ID_LENGTH
                    + " characters", "ce_id");
        }
        if (cloudEvent.getSource().toString().length() > MAX_ID_LENGTH) {
            return reject(record, DeadLetterHeaders.KIND_INVALID_DATA, "ce_source is longer than " + MAX_ID_LENGTH
                    + " characters", "ce_source");
        }
        String type = cloudEvent.getType();
        if (CDEventsMapper.isCDEvent(type)) {
            try {
                return cdevents.map(cloudEvent)
                        .map(mapped -> accept(record, cloudEvent, mapped.type(), mapped.data(), accepted))
                        .orElseGet(() -> new Decoded.Ignored(type + " is not a failure or a deployment Rebound acts on"));
            } catch (CDEventsMapper.MalformedCDEvent e) {
                return reject(record, DeadLetterHeaders.KIND_MALFORMED_DATA, e.getMessage(), e.field());
            }
        }
        Optional<EventType> eventType = EventType.of(type);
        if (eventType.isEmpty() || !eventType.get().topic().equals(record.topic())) {
            return reject(record, DeadLetterHeaders.KIND_UNKNOWN_TYPE,
                    "event type " + type + " does not belong on " + record.topic() + " (its types: "
                            + Arrays.stream(EventType.values()).filter(t -> t.topic().equals(record.topic()))
                                    .map(EventType::type).toList() + ")", null);
        }
        if (!accepted.contains(eventType.get())) {
            return new Decoded.Ignored(type + " is not one this consumer subscribes to");
        }
        if (cloudEvent.getData() == null) {
            return reject(record, DeadLetterHeaders.KIND_MALFORMED_DATA, "the event has no data", null);
        }
        String contentType = cloudEvent.getDataContentType();
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return reject(record, DeadLetterHeaders.KIND_MALFORMED_DATA,
                    "data content type " + contentType + " is not JSON", null);
        }
        EventData data;
        try {
            data = WireJson.read(cloudEvent.getData().toBytes(), eventType.get().dataClass());
        } catch (JsonMappingException e) {
            String field = path(e);
            return reject(record, DeadLetterHeaders.KIND_MALFORMED_DATA,
                    "malformed data" + (field == null ? "" : " at " + field) + ": " + e.getOriginalMessage(), field);
        } catch (JsonProcessingException e) {
            return reject(record, DeadLetterHeaders.KIND_MALFORMED_DATA, "malformed JSON: " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            return reject(record, DeadLetterHeaders.KIND_MALFORMED_DATA, "unreadable data: " + e.getMessage(), null);
        }
        return accept(record, cloudEvent, eventType.get(), data, accepted);
    }

    private Decoded accept(ConsumerRecord<String, byte[]> record, CloudEvent cloudEvent, EventType type,
                           EventData data, Set<EventType> accepted) {
        if (!type.topic().equals(record.topic())) {
            return reject(record, DeadLetterHeaders.KIND_UNKNOWN_TYPE,
                    cloudEvent.getType() + " maps to " + type.type() + ", which does not belong on " + record.topic(),
                    null);
        }
        if (!accepted.contains(type)) {
            return new Decoded.Ignored(cloudEvent.getType() + " maps to " + type.type()
                    + ", which this consumer does not subscribe to");
        }
        Set<ConstraintViolation<EventData>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            List<ConstraintViolation<EventData>> sorted = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .toList();
            String reason = sorted.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .collect(Collectors.joining("; ", "invalid data: ", ""));
            return reject(record, DeadLetterHeaders.KIND_INVALID_DATA, reason,
                    sorted.get(0).getPropertyPath().toString());
        }
        Object correlation = cloudEvent.getExtension(CloudEventAttributes.CORRELATION_ID);
        Instant time = cloudEvent.getTime() == null ? null : cloudEvent.getTime().toInstant();
        return new Decoded.Accepted(new IncomingEvent<>(cloudEvent.getId(), cloudEvent.getType(),
                cloudEvent.getSource().toString(), time,
                correlation == null ? data.key() : correlation.toString(), data,
                record.topic(), record.partition(), record.offset()));
    }

    private static Decoded reject(ConsumerRecord<String, byte[]> record, String kind, String reason, String field) {
        return new Decoded.Rejected(new Rejection(record, kind, reason, field));
    }

    /** The JSON path of a mapping error, as {@code window.errorRate} or {@code breaches[0].level}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
