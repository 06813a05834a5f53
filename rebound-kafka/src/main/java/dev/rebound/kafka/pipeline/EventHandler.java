package dev.rebound.kafka.pipeline;

import dev.rebound.contracts.EventData;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import java.util.List;

/**
 * A service's reaction to a batch of valid, not-yet-seen events. It runs inside the pipeline's database
 * transaction: what it writes and the events it returns are committed together (the returned events go
 * through the outbox). It must not publish to Kafka itself.
 *
 * <p>Any exception it throws is taken for an outage (database, broker): the batch is retried with backoff,
 * never dead-lettered. Bad input is refused before the handler sees it.
 */
@FunctionalInterface
public interface EventHandler<T extends EventData> {

    List<OutboundEvent> handle(List<IncomingEvent<T>> events);
}
