package dev.rebound.classifier.intake;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.WireJson;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.error.Classification;
import dev.rebound.contracts.error.ErrorEvent;
import dev.rebound.contracts.error.RetryRequest;
import dev.rebound.contracts.escalation.Escalation;
import dev.rebound.contracts.escalation.EscalationReason;
import dev.rebound.kafka.ReboundKafkaProperties;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import dev.rebound.kafka.pipeline.ClaimingHandler;
import dev.rebound.kafka.pipeline.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code rebound.error-events} (Rebound error events, and CDEvents pipeline and task runs that
 * failed). Classifies fresh error events, stores the classifications and routes each: every classification to
 * {@code rebound.classifications}; transient ones to {@code rebound.retry-requests}; permanent ones to
 * {@code rebound.escalations}. The derived events are published as soon as the classifications are committed;
 * an event met again (after a crash or an outage before the broker acknowledged them) has its stored
 * classification published again, with the same event ids.
 */
@Component
class ErrorEventHandler implements ClaimingHandler<ErrorEvent> {

    private final ClassificationService classifications;
    private final ClassificationRepository repository;
    private final Clock clock;
    private final String source;

    ErrorEventHandler(ClassificationService classifications, ClassificationRepository repository, Clock clock,
                      ReboundKafkaProperties kafka) {
        this.classifications = classifications;
        this.repository = repository;
        this.clock = clock;
        this.source = kafka.source();
    }

    @Override
    public Subscription<ErrorEvent> subscription() {
        return Subscription.of(Topics.ERROR_EVENTS, ErrorEvent.class, EventType.ERROR_REPORTED);
    }

    @Override
    public List<OutboundEvent> handle(List<IncomingEvent<ErrorEvent>> events) {
        return handleClaiming(events).derived();
    }

    /**
     * Classifies the events and stores the classifications; the primary key on the event is the inbox, so an
     * event stored before (or a second copy in this batch) keeps its stored classification, which is published
     * again instead of the new one.
     */
    @Override
    public Handled handleClaiming(List<IncomingEvent<ErrorEvent>> events) {
        Instant now = clock.instant();
        List<ClassificationService.Classified> classified =
                classifications.classify(events.stream().map(IncomingEvent::data).toList(), now);
        List<ClassificationRepository.Stored> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            ErrorEvent error = classified.get(i).error();
            Classification classification = classified.get(i).classification();
            rows.add(new ClassificationRepository.Stored(events.get(i).identity(), classification,
                    WireJson.writeString(classification), error.log(), error.occurredAt()));
        }
        Set<String> stored = repository.insert(rows);
        boolean[] fresh = new boolean[events.size()];
        List<String> before = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            // remove: a second copy of the event in this batch finds it stored before
            fresh[i] = stored.remove(events.get(i).identity());
            if (!fresh[i]) {
                before.add(events.get(i).identity());
            }
        }
        Map<String, Classification> earlier = before.isEmpty() ? Map.of() : repository.find(before);
        // in the batch's order, so that a redelivered batch publishes in the order it was first published
        List<OutboundEvent> out = new ArrayList<>(events.size() * 2);
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent<ErrorEvent> event = events.get(i);
            Classification classification = fresh[i] ? classified.get(i).classification() : earlier.get(event.identity());
            if (classification != null) {
                derived(event, classification, classified.get(i).error(), out);
            }
        }
        return new Handled(out, before.size());
    }

    @Override
    public List<OutboundEvent> republish(List<IncomingEvent<ErrorEvent>> handled) {
        Map<String, Classification> stored = repository.find(handled.stream().map(IncomingEvent::identity).toList());
        List<OutboundEvent> out = new ArrayList<>(handled.size() * 2);
        for (IncomingEvent<ErrorEvent> event : handled) {
            Classification classification = stored.get(event.identity());
            if (classification != null) {
                derived(event, classification, classifications.keep(event.data()).error(), out);
            }
        }
        return out;
    }

    /** Every classification to its topic; then a retry request (with the event as kept) or an escalation. */
    private void derived(IncomingEvent<ErrorEvent> event, Classification classification, ErrorEvent kept,
                         List<OutboundEvent> out) {
        Instant at = classification.classifiedAt();
        out.add(event.derive(classification, source, at));
        out.add(event.derive(classification.transientFailure() ? new RetryRequest(classification, kept)
                : escalation(event, classification), source, at));
    }

    private static Escalation escalation(IncomingEvent<ErrorEvent> event, Classification c) {
        String where = c.step() == null ? "" : " in " + c.step();
        return new Escalation(event.deriveId(EventType.ESCALATION_RAISED.type()), c.fingerprint(),
                c.severity(), EscalationReason.PERMANENT_FAILURE, c.category(), c.service(), c.environment(),
                c.service() + ": " + c.category().wireName() + " failure" + where,
                c.remediation(), 1, c.evidence(), null, c.classifiedAt());
    }
}
