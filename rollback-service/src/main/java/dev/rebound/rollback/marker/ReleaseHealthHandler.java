package dev.rebound.rollback.marker;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.health.HealthVerdict;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import dev.rebound.kafka.pipeline.EventHandler;
import dev.rebound.kafka.pipeline.Subscription;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Follows {@code rebound.health-verdicts}: the latest verdict on each release, to gate rollouts and verify rollbacks. */
@Component
class ReleaseHealthHandler implements EventHandler<HealthVerdict> {

    private final JdbcTemplate jdbc;

    ReleaseHealthHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Subscription<HealthVerdict> subscription() {
        return Subscription.of(Topics.HEALTH_VERDICTS, HealthVerdict.class, EventType.HEALTH_EVALUATED);
    }

    @Override
    public List<OutboundEvent> handle(List<IncomingEvent<HealthVerdict>> events) {
        for (IncomingEvent<HealthVerdict> event : events) {
            HealthVerdict v = event.data();
            jdbc.update("insert into release_health (service, environment, version, verdict, decided_at) "
                            + "values (?, ?, ?, ?, ?) on conflict (service, environment, version) do update set "
                            + "verdict = excluded.verdict, decided_at = excluded.decided_at "
                            + "where release_health.decided_at <= excluded.decided_at",
                    v.service(), v.environment(), v.version() == null ? "" : v.version(), v.verdict().wireName(),
                    Timestamp.from(v.decidedAt()));
        }
        return List.of();
    }
}
