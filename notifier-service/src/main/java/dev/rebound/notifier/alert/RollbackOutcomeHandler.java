package dev.rebound.notifier.alert;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.ServiceKey;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.WireJson;
import dev.rebound.contracts.deployment.DeploymentEvent;
import dev.rebound.contracts.deployment.RollbackFailed;
import dev.rebound.contracts.deployment.RollbackVerificationFailed;
import dev.rebound.contracts.deployment.RollbackVerified;
import dev.rebound.contracts.error.Severity;
import dev.rebound.contracts.escalation.EscalationReason;
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
 * Follows rollback outcomes on {@code rebound.deployment-events}: a failed rollback or a failed verification
 * raises a critical alert and a CDEvents {@code incident.detected}; a verified rollback resolves the incident
 * ({@code incident.resolved}).
 */
@Component
class RollbackOutcomeHandler implements EventHandler<DeploymentEvent> {

    private final AlertRepository repository;
    private final Clock clock;
    private final String source;

    RollbackOutcomeHandler(AlertRepository repository, Clock clock, ReboundKafkaProperties kafka) {
        this.repository = repository;
        this.clock = clock;
        this.source = kafka.source();
    }

    @Override
    public Subscription<DeploymentEvent> subscription() {
        return Subscription.of(Topics.DEPLOYMENT_EVENTS, DeploymentEvent.class, EventType.ROLLBACK_FAILED,
                EventType.ROLLBACK_VERIFICATION_FAILED, EventType.ROLLBACK_VERIFIED);
    }

    @Override
    public List<OutboundEvent> handle(List<IncomingEvent<DeploymentEvent>> events) {
        Instant now = clock.instant();
        List<IncomingEvent<DeploymentEvent>> failures = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        List<OutboundEvent> out = new ArrayList<>();
        for (IncomingEvent<DeploymentEvent> event : events) {
            DeploymentEvent e = event.data();
            if (e instanceof RollbackFailed f) {
                failures.add(event);
                alerts.add(alert(event, EscalationReason.ROLLBACK_FAILED, "rollback " + f.commandId() + " failed",
                        f.reason()));
            } else if (e instanceof RollbackVerificationFailed f) {
                failures.add(event);
                alerts.add(alert(event, EscalationReason.VERIFICATION_FAILED,
                        "rolled back to " + f.version() + " but it is not healthy", f.reason()));
            } else if (e instanceof RollbackVerified v) {
                out.add(ReboundCDEvents.incidentResolved(event, v.commandId(), v.service(), v.environment(),
                        "rolled back to " + v.version() + " and verified healthy", source, now));
            }
        }
        Set<String> fresh = new HashSet<>(repository.insertNew(alerts, now));
        for (int i = 0; i < alerts.size(); i++) {
            Alert alert = alerts.get(i);
            if (fresh.remove(alert.id())) {
                out.add(ReboundCDEvents.incidentDetected(failures.get(i), alert.id(), alert.service(),
                        alert.environment(), "[critical] " + alert.title(), source, now));
            }
        }
        return out;
    }

    private static Alert alert(IncomingEvent<DeploymentEvent> event, String reason, String what, String detail) {
        DeploymentEvent e = event.data();
        return new Alert(event.deriveId("alert"), event.identity(), ServiceKey.of(e.service(), e.environment()),
                Severity.CRITICAL, reason, e.service(), e.environment(),
                e.service() + "@" + e.environment() + ": " + what, detail, 1, WireJson.writeString(e));
    }
}
