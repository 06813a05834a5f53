package dev.rebound.kafka.cloudevents;

import dev.rebound.contracts.EventData;
import dev.rebound.contracts.EventIds;
import dev.rebound.contracts.EventType;
import java.time.Instant;

/**
 * An accepted event with its CloudEvents attributes and where it was read from.
 *
 * @param id            {@code ce_id}
 * @param type          {@code ce_type} (for a CDEvent, the CDEvents type it was mapped from)
 * @param source        {@code ce_source}
 * @param time          {@code ce_time}, if present
 * @param correlationId {@code ce_correlationid}, else the data's key
 * @param data          the validated data
 * @param topic         the topic it was read from
 * @param partition     the partition it was read from
 * @param offset        its offset
 */
public record IncomingEvent<T extends EventData>(
        String id,
        String type,
        String source,
        Instant time,
        String correlationId,
        T data,
        String topic,
        int partition,
        long offset) {

    /**
     * What identifies this event among all others: CloudEvents ids are unique per source only, so two
     * platforms may both send {@code ce_id=1}. Services key what they store by it.
     */
    public String identity() {
        return source + " " + id; // a space cannot occur in a URI reference: the split is unambiguous
    }

    /**
     * An event derived from this one: a deterministic id (a name-based UUID of this event's identity and the
     * derived type, so that a re-derivation is the same event), this event's correlation id and this event as
     * its cause.
     */
    public OutboundEvent derive(EventData derived, String derivedSource, Instant derivedTime) {
        EventType derivedType = EventType.forData(derived.getClass());
        return new OutboundEvent(derivedType.topic(), derived.key(),
                EventIds.derive(identity(), derivedType.type()), derivedType.type(), derivedSource, derivedTime,
                correlationId, id, derived);
    }

    /** A deterministic id for something other than an event that this event causes (an escalation id, …). */
    public String deriveId(String what) {
        return EventIds.derive(identity(), what);
    }
}
