package dev.rebound.kafka.pipeline;

import dev.rebound.contracts.EventData;
import dev.rebound.contracts.EventType;
import java.util.Set;

/**
 * What an {@link EventHandler} consumes: a topic, the event types it accepts there (CDEvents count once
 * mapped to one of them), and the data type they share.
 *
 * @param topic    the topic to consume
 * @param dataType the data type of every accepted event
 * @param accepted the accepted event types
 */
public record Subscription<T extends EventData>(String topic, Class<T> dataType, Set<EventType> accepted) {

    public Subscription {
        accepted = Set.copyOf(accepted);
        for (EventType type : accepted) {
            if (!dataType.isAssignableFrom(type.dataClass())) {
                throw new IllegalArgumentException(type.type() + " is not a " + dataType.getSimpleName());
            }
        }
    }

    public static <T extends EventData> Subscription<T> of(String topic, Class<T> dataType, EventType... accepted) {
        return new Subscription<>(topic, dataType, Set.of(accepted));
    }
}
