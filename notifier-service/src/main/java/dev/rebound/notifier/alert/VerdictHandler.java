package dev.rebound.notifier.alert;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.ServiceKey;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.WireJson;
import dev.rebound.contracts.error.Severity;
import dev.rebound.contracts.escalation.EscalationReason;
import dev.rebound.contracts.health.Breach;
import dev.rebound.contracts.health.HealthVerdict;
import dev.rebound.contracts.health.Verdict;
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
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Follows {@code rebound.health-verdicts}: a release that turns unhealthy raises an alert and a CDEvents
 * {@code incident.detected}; staying unhealthy raises nothing new.
 */
@Component
class VerdictHandler implements EventHandler<HealthVerdict> {

    private final AlertRepository repository;
    private final Clock clock;
    private final String source;

    VerdictHandler(AlertRepository repository, Clock clock, ReboundKafkaProperties kafka) {
        this.repository = repository;
        this.clock = clock;
        this.source = kafka.source();
    }

    @Override
    public Subscription<HealthVerdict> subscription() {
        return Subscription.of(Topics.HEALTH_VERDICTS, HealthVerdict.class, EventType.HEALTH_EVALUATED);
    }

    @Override
    public List<OutboundEvent> handle(List<IncomingEvent<HealthVerdict>> events) {
        Instant now = clock.instant();
        List<IncomingEvent<HealthVerdict>> turnedUnhealthy = events.stream()
                .filter(e -> e.data().verdict() == Verdict.UNHEALTHY && e.data().previousVerdict() != Verdict.UNHEALTHY)
                .toList();
        List<Alert> alerts = turnedUnhealthy.stream().map(VerdictHandler::alert).toList();
        Set<String> fresh = new HashSet<>(repository.insertNew(alerts, now));
        List<OutboundEvent> out = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            Alert alert = alerts.get(i);
            if (fresh.remove(alert.id())) {
                out.add(ReboundCDEvents.incidentDetected(turnedUnhealthy.get(i), alert.id(), alert.service(),
                        alert.environment(), "[" + alert.severity().wireName() + "] " + alert.title(), source, now));
            }
        }
        return out;
    }

    private static Alert alert(IncomingEvent<HealthVerdict> event) {
        HealthVerdict v = event.data();
        String breaches = v.breaches() == null ? "" : v.breaches().stream()
                .map(b -> b.metric() + " " + b.value() + (b.level() == Breach.Level.CRITICAL ? " > " : " ~ ") + b.threshold())
                .collect(Collectors.joining(", "));
        return new Alert(event.deriveId("alert"), event.identity(), ServiceKey.of(v.service(), v.environment()),
                Severity.HIGH, EscalationReason.UNHEALTHY_RELEASE, v.service(), v.environment(),
                v.service() + "@" + v.environment() + ": release " + (v.version() == null ? "" : v.version() + " ")
                        + "is unhealthy", breaches.isEmpty() ? null : "Breached: " + breaches + ".", 1,
                WireJson.writeString(v));
    }
}
