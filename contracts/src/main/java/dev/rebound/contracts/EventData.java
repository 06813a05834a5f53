package dev.rebound.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The {@code data} of a Rebound CloudEvent. Each implementation is a record with one event type;
 * {@link EventType} binds types, records and topics together.
 */
public interface EventData {

    /** The Kafka record key, which is also the CloudEvent {@code subject}: it decides ordering. */
    @JsonIgnore
    String key();
}
