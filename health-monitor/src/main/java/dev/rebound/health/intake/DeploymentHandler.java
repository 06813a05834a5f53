package dev.rebound.health.intake;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.deployment.DeploymentEvent;
import dev.rebound.contracts.deployment.DeploymentFailed;
import dev.rebound.contracts.deployment.DeploymentPromoted;
import dev.rebound.contracts.deployment.DeploymentStarted;
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

/** Follows {@code rebound.deployment-events}: which release of a service is deploying, live, stable or restored. */
@Component
class DeploymentHandler implements EventHandler<DeploymentEvent> {

    private final JdbcTemplate jdbc;

    DeploymentHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Subscription<DeploymentEvent> subscription() {
        return Subscription.of(Topics.DEPLOYMENT_EVENTS, DeploymentEvent.class, EventType.DEPLOYMENT_STARTED,
                EventType.DEPLOYMENT_SUCCEEDED, EventType.DEPLOYMENT_FAILED, EventType.DEPLOYMENT_PROMOTED,
                EventType.ROLLBACK_SUCCEEDED);
    }

    @Override
    public List<OutboundEvent> handle(List<IncomingEvent<DeploymentEvent>> events) {
        for (IncomingEvent<DeploymentEvent> event : events) {
            DeploymentEvent e = event.data();
            if (e instanceof DeploymentStarted s) {
                upsert(e, s.version(), s.deploymentId(), s.strategy() == null ? null : s.strategy().wireName(), "deploying");
            } else if (e instanceof DeploymentSucceeded s) {
                upsert(e, s.version(), s.deploymentId(), s.strategy() == null ? null : s.strategy().wireName(), "live");
            } else if (e instanceof DeploymentFailed f && f.version() != null) {
                upsert(e, f.version(), f.deploymentId(), null, "failed");
            } else if (e instanceof DeploymentPromoted p) {
                upsert(e, p.version(), p.deploymentId(), null, "stable");
            } else if (e instanceof RollbackSucceeded r && r.version() != null) {
                upsert(e, r.version(), r.deploymentId(), null, "restored");
            }
        }
        return List.of();
    }

    private void upsert(DeploymentEvent e, String version, String deploymentId, String strategy, String status) {
        jdbc.update("insert into releases (service, environment, version, deployment_id, strategy, status, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?) on conflict (service, environment, version) do update set "
                        + "deployment_id = coalesce(excluded.deployment_id, releases.deployment_id), "
                        + "strategy = coalesce(excluded.strategy, releases.strategy), status = excluded.status, "
                        + "updated_at = excluded.updated_at where releases.updated_at <= excluded.updated_at",
                e.service(), e.environment(), version, deploymentId, strategy, status, Timestamp.from(e.occurredAt()));
    }
}
