package dev.rebound.notifier.alert;

import dev.rebound.contracts.WireJson;
import dev.rebound.contracts.escalation.Escalation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Records one alert per escalation id. */
@Repository
class AlertRepository {

    private final JdbcTemplate jdbc;

    AlertRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the escalations not alerted before; returns their escalation ids. */
    Set<String> insertNew(List<String> eventIds, List<Escalation> escalations, Instant now) {
        Set<String> inserted = new HashSet<>();
        for (int i = 0; i < escalations.size(); i++) {
            Escalation e = escalations.get(i);
            inserted.addAll(jdbc.queryForList("insert into alerts (escalation_id, event_id, fingerprint, severity, reason, "
                            + "service, environment, title, summary, occurrences, received_at, escalation) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) "
                            + "on conflict (escalation_id) do nothing returning escalation_id", String.class,
                    e.escalationId(), eventIds.get(i), e.fingerprint(), e.severity().wireName(), e.reason(),
                    e.service(), e.environment(), e.title(), e.summary(), e.count() == null ? 1 : e.count(),
                    Timestamp.from(now), WireJson.writeString(e)));
        }
        return inserted;
    }
}
