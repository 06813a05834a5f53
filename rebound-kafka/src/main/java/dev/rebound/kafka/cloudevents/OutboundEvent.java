package dev.rebound.kafka.cloudevents;

import dev.rebound.contracts.EventData;
import dev.rebound.contracts.EventType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event to publish: its data and every CloudEvents attribute, ready for the outbox.
 *
 * @param topic         where it goes
 * @param key           the record key, also the CloudEvent {@code subject}
 * @param id            {@code ce_id}
 * @param type          {@code ce_type}
 * @param source        {@code ce_source}
 * @param time          {@code ce_time}
 * @param correlationId {@code ce_correlationid}, if any
 * @param causationId   {@code ce_causationid}, if any
 * @param data          the data
 */
public record OutboundEvent(
        String topic,
        String key,
        String id,
        String type,
        String source,
        Instant time,
        String correlationId,
        String causationId,
        EventData data) {

    public OutboundEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(data, "data");
    }

    /** A new event caused by nothing Rebound consumed (a person's command, a scheduled check). */
    public static OutboundEvent original(EventData data, String source, Instant time, String correlationId) {
        EventType type = EventType.forData(data.getClass());
        return new OutboundEvent(type.topic(), data.key(), UUID.randomUUID().toString(), type.type(), source, time,
                correlationId, null, data);
    }
}
