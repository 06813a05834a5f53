package dev.rebound.kafka.cdevents;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rebound.contracts.EventData;

/**
 * A whole CDEvent ({@code context}, {@code subject}, {@code customData}) as the data of a CloudEvent that
 * Rebound publishes on {@code rebound.cdevents}.
 *
 * @param event the CDEvent document
 * @param key   the record key ({@code service@environment})
 */
public record CDEventData(@JsonValue JsonNode event, String key) implements EventData {
}
