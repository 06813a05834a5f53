package dev.rebound.classifier.intake;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.error.Classification;
import dev.rebound.contracts.error.ErrorEvent;
import dev.rebound.contracts.error.RetryRequest;
import dev.rebound.contracts.escalation.Escalation;
import dev.rebound.contracts.escalation.EscalationReason;
import dev.rebound.kafka.ReboundKafkaProperties;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import dev.rebound.kafka.pipeline.EventHandler;
import dev.rebound.kafka.pipeline.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code rebound.error-events} (Rebound error events, and CDEvents pipeline and task runs that
 * failed). Classifies fresh error events, stores the classifications and routes each: every classification to
 * {@code rebound.classifications}; transient ones to {@code rebound.retry-requests}; permanent ones to
 * {@code rebound.escalations}.
 */
@Component
class ErrorEventHandler implements EventHandler<ErrorEvent> {

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
        Instant now = clock.instant();
        List<ClassificationService.Classified> classified =
                classifications.classify(events.stream().map(IncomingEvent::data).toList(), now);
        List<ClassificationRepository.Stored> rows = new ArrayList<>(events.size());
        List<OutboundEvent> out = new ArrayList<>(events.size() * 2);
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent<ErrorEvent> event = events.get(i);
            ErrorEvent error = classified.get(i).error();
            Classification classification = classified.get(i).classification();
            rows.add(new ClassificationRepository.Stored(event.identity(), classification, error.log(),
                    error.occurredAt()));
            out.add(event.derive(classification, source, now));
            // the retry request carries the event as kept: excerpt, redacted
            out.add(event.derive(classification.transientFailure()
                    ? new RetryRequest(classification, error)
                    : escalation(event, classification), source, now));
        }
        repository.insert(rows);
        return out;
    }

    private static Escalation escalation(IncomingEvent<ErrorEvent> event, Classification c) {
        String where = c.step() == null ? "" : " in " + c.step();
        return new Escalation(event.deriveId(EventType.ESCALATION_RAISED.type()), c.fingerprint(),
                c.severity(), EscalationReason.PERMANENT_FAILURE, c.category(), c.service(), c.environment(),
                c.service() + ": " + c.category().wireName() + " failure" + where,
                c.remediation(), 1, c.evidence(), null, c.classifiedAt());
    }
}
