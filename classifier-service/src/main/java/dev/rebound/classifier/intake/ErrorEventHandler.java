package dev.rebound.classifier.intake;

import dev.rebound.classifier.classify.Classifier;
import dev.rebound.classifier.classify.Failure;
import dev.rebound.classifier.classify.LogExcerpt;
import dev.rebound.classifier.classify.Verdict;
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

    private final Classifier classifier;
    private final ClassificationRepository repository;
    private final Clock clock;
    private final String source;

    ErrorEventHandler(Classifier classifier, ClassificationRepository repository, Clock clock,
                      ReboundKafkaProperties kafka) {
        this.classifier = classifier;
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
        List<ClassificationRepository.Stored> rows = new ArrayList<>(events.size());
        List<OutboundEvent> out = new ArrayList<>(events.size() * 2);
        Instant now = clock.instant();
        for (IncomingEvent<ErrorEvent> event : events) {
            // what is stored or sent is the kept excerpt, redacted; PostgreSQL text cannot hold NUL characters
            ErrorEvent reported = event.data();
            LogExcerpt excerpt = LogExcerpt.of(withoutNul(reported.log()));
            ErrorEvent error = new ErrorEvent(reported.operationId(), reported.service(), reported.environment(),
                    reported.pipeline(), reported.step(), reported.attempt(), reported.exitCode(), reported.signal(),
                    reported.target(), classifier.redact(withoutNul(reported.message())),
                    classifier.redact(excerpt.text()), reported.occurredAt(), reported.labels());
            String text = error.message() == null ? error.log()
                    : error.log() == null ? error.message() : error.message() + "\n" + error.log();
            Verdict verdict = classifier.classify(new Failure(text, error.step(), error.exitCode(), error.signal(),
                    error.target(), error.occurredAt()));
            Classification classification = classification(error, verdict, excerpt.truncated(), now);
            rows.add(new ClassificationRepository.Stored(event.identity(), classification, error.log(),
                    error.occurredAt()));
            out.add(event.derive(classification, source, now));
            out.add(event.derive(verdict.transientFailure()
                    ? new RetryRequest(classification, error)
                    : escalation(event, classification), source, now));
        }
        repository.insert(rows);
        return out;
    }

    private static String withoutNul(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }

    private static Classification classification(ErrorEvent error, Verdict verdict, boolean truncated, Instant now) {
        return new Classification(error.operationId(), error.service(), error.environment(), error.pipeline(),
                error.step(), error.attempt(), error.labels(), verdict.category(), verdict.transientFailure(),
                verdict.severity(), verdict.confidence(), verdict.action(), verdict.remediation(), verdict.ruleId(),
                verdict.evidence(), verdict.fingerprint(), verdict.target(), verdict.retryAfterMs(), truncated, now);
    }

    private static Escalation escalation(IncomingEvent<ErrorEvent> event, Classification c) {
        String where = c.step() == null ? "" : " in " + c.step();
        return new Escalation(event.deriveId(EventType.ESCALATION_RAISED.type()), c.fingerprint(),
                c.severity(), EscalationReason.PERMANENT_FAILURE, c.category(), c.service(), c.environment(),
                c.service() + ": " + c.category().wireName() + " failure" + where,
                c.remediation(), 1, c.evidence(), null, c.classifiedAt());
    }
}
