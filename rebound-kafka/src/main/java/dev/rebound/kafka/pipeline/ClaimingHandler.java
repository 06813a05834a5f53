package dev.rebound.kafka.pipeline;

import dev.rebound.contracts.EventData;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import java.util.List;

/**
 * A {@link RepublishingHandler} whose own table is its inbox: it stores one result per event under a unique key
 * of the event's identity ({@code insert … on conflict do nothing returning …}), so the pipeline writes no inbox
 * row for it. Its pipeline hands it every event of a batch, duplicates included; it handles those it stored now
 * and derives, for the others, what {@link #republish} rebuilds from the earlier result.
 */
public interface ClaimingHandler<T extends EventData> extends RepublishingHandler<T> {

    /** What a batch derived, and how many of its events had been handled before (or came twice in it). */
    record Handled(List<OutboundEvent> derived, int duplicates) {
    }

    /** Handles the events not stored before and republishes the others; runs in the pipeline's transaction. */
    Handled handleClaiming(List<IncomingEvent<T>> events);
}
