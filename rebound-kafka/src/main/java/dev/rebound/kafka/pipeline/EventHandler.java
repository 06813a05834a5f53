package dev.rebound.kafka.pipeline;

import dev.rebound.contracts.EventData;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import java.util.List;

/**
 * A service's reaction to the events of one topic. Declare it as a bean: the library consumes its
 * {@link #subscription()} through an {@link EventPipeline} and calls {@link #handle} with batches of valid,
 * not-yet-seen events.
 *
 * <p>{@code handle} runs inside the pipeline's database transaction: what it writes and the events it returns
 * are committed together (the returned events go through the outbox, or, for a {@link RepublishingHandler},
 * are published right after the commit). It must not publish to Kafka itself.
 * Any exception it throws is taken for an outage (database, broker): the batch is retried with backoff, never
 * dead-lettered. Bad input is refused before the handler sees it.
 */
public interface EventHandler<T extends EventData> {

    Subscription<T> subscription();

    List<OutboundEvent> handle(List<IncomingEvent<T>> events);
}
