package dev.rebound.retry.intake;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.deployment.DeploymentEvent;
import dev.rebound.contracts.deployment.StepSucceeded;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import dev.rebound.kafka.pipeline.EventHandler;
import dev.rebound.kafka.pipeline.Subscription;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Follows {@code rebound.deployment-events}: a step that succeeds closes the open retries of its operation.
 * (Counting the success for the failing target's circuit breaker comes with the breakers.)
 */
@Component
class StepSucceededHandler implements EventHandler<DeploymentEvent> {

    private final JdbcTemplate jdbc;

    StepSucceededHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Subscription<DeploymentEvent> subscription() {
        return Subscription.of(Topics.DEPLOYMENT_EVENTS, DeploymentEvent.class, EventType.STEP_SUCCEEDED);
    }

    @Override
    public List<OutboundEvent> handle(List<IncomingEvent<DeploymentEvent>> events) {
        for (IncomingEvent<DeploymentEvent> event : events) {
            StepSucceeded succeeded = (StepSucceeded) event.data();
            jdbc.update("update retries set closed_at = ?, closed_by = ? where operation_id = ? and closed_at is null",
                    Timestamp.from(succeeded.occurredAt()), event.identity(), succeeded.operationId());
        }
        return List.of();
    }
}
