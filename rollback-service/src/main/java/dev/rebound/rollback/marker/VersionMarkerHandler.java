package dev.rebound.rollback.marker;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.deployment.DeploymentEvent;
import dev.rebound.contracts.deployment.DeploymentPromoted;
import dev.rebound.contracts.deployment.DeploymentSucceeded;
import dev.rebound.contracts.deployment.RollbackSucceeded;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import dev.rebound.kafka.pipeline.EventHandler;
import dev.rebound.kafka.pipeline.Subscription;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Follows {@code rebound.deployment-events} and keeps version markers: each version deployed, promoted to
 * stable, or restored by a rollback. "The last stable version" is read from them.
 */
@Component
class VersionMarkerHandler implements EventHandler<DeploymentEvent> {

    private final JdbcTemplate jdbc;

    VersionMarkerHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Subscription<DeploymentEvent> subscription() {
        return Subscription.of(Topics.DEPLOYMENT_EVENTS, DeploymentEvent.class, EventType.DEPLOYMENT_SUCCEEDED,
                EventType.DEPLOYMENT_PROMOTED, EventType.ROLLBACK_SUCCEEDED);
    }

    @Override
    public List<OutboundEvent> handle(List<IncomingEvent<DeploymentEvent>> events) {
        for (IncomingEvent<DeploymentEvent> event : events) {
            DeploymentEvent e = event.data();
            if (e instanceof DeploymentSucceeded s) {
                mark(e, s.version(), "deployed", s.deploymentId());
            } else if (e instanceof DeploymentPromoted p) {
                mark(e, p.version(), "stable", p.deploymentId());
            } else if (e instanceof RollbackSucceeded r && r.version() != null) {
                mark(e, r.version(), "restored", r.deploymentId());
            }
        }
        return List.of();
    }

    private void mark(DeploymentEvent e, String version, String marker, String deploymentId) {
        jdbc.update("insert into version_markers (service, environment, version, marker, deployment_id, marked_at) "
                        + "values (?, ?, ?, ?, ?, ?) on conflict (service, environment, version, marker) do update set "
                        + "marked_at = greatest(version_markers.marked_at, excluded.marked_at), "
                        + "deployment_id = coalesce(excluded.deployment_id, version_markers.deployment_id)",
                e.service(), e.environment(), version, marker, deploymentId, Timestamp.from(e.occurredAt()));
    }
}
