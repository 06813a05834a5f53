package dev.rebound.kafka.pipeline;

import dev.rebound.contracts.EventData;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import java.util.List;

/**
 * A handler whose derived events can be rebuilt from what it stored. Its pipeline publishes them straight after
 * the transaction commits, and commits the offsets only once the broker has acknowledged them, instead of
 * writing, reading and deleting each of them in the outbox. A crash or a broker outage in between leaves the
 * offsets uncommitted: the events come again, the inbox finds them handled, and {@link #republish} rebuilds
 * what was stored, with the same deterministic ids (the architecture's Delivery rule: "re-publishes the stored
 * result when it meets a duplicate").
 */
public interface RepublishingHandler<T extends EventData> extends EventHandler<T> {

    /**
     * The events that {@link #handle} derived from these events, handled in an earlier batch, rebuilt from what
     * it stored; runs in the pipeline's transaction, before {@link #handle} (so a second copy of an event in the
     * same batch finds nothing stored and derives nothing: its first copy publishes). An event with nothing
     * stored derives nothing.
     */
    List<OutboundEvent> republish(List<IncomingEvent<T>> handled);
}
