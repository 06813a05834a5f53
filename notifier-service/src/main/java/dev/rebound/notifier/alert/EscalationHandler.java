package dev.rebound.notifier.alert;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.WireJson;
import dev.rebound.contracts.escalation.Escalation;
import dev.rebound.kafka.ReboundKafkaProperties;
import dev.rebound.kafka.cdevents.ReboundCDEvents;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import dev.rebound.kafka.pipeline.EventHandler;
import dev.rebound.kafka.pipeline.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Records an alert per new escalation and announces it to CD tools as a CDEvents {@code incident.detected}
 * on {@code rebound.cdevents}.
 *
 * <p>Foundation scope: alerts are recorded, not yet delivered. Routes, silences, dedup windows, grouping,
 * rate limits and the channels (Slack, e-mail, webhooks, GitHub issues, PagerDuty) come with the notifier
 * issue.
 */
@Component
class EscalationHandler implements EventHandler<Escalation> {

    private final AlertRepository repository;
    private final Clock clock;
    private final String source;

    EscalationHandler(AlertRepository repository, Clock clock, ReboundKafkaProperties kafka) {
        this.repository = repository;
        this.clock = clock;
        this.source = kafka.source();
    }

    private static Alert alert(IncomingEvent<Escalation> event) {
        Escalation e = event.data();
        return new Alert(e.escalationId(), event.identity(), e.fingerprint(), e.severity(), e.reason(), e.service(),
                e.environment(), e.title(), e.summary(), e.count() == null ? 1 : e.count(), WireJson.writeString(e));
    }

    @Override
    public Subscription<Escalation> subscription() {
        return Subscription.of(Topics.ESCALATIONS, Escalation.class, EventType.ESCALATION_RAISED);
    }

    @Override
    public List<OutboundEvent> handle(List<IncomingEvent<Escalation>> events) {
        Instant now = clock.instant();
        Set<String> fresh = new HashSet<>(repository.insertNew(events.stream().map(EscalationHandler::alert).toList(),
                now));
        List<OutboundEvent> out = new ArrayList<>();
        for (IncomingEvent<Escalation> event : events) {
            Escalation e = event.data();
            // remove: the same escalation twice in one batch alerts once
            if (fresh.remove(e.escalationId())) {
                out.add(ReboundCDEvents.incidentDetected(event, e.escalationId(), e.service(), e.environment(),
                        "[" + e.severity().wireName() + "] " + e.title(), source, now));
            }
        }
        return out;
    }
}
