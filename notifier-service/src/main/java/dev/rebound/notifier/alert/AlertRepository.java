package dev.rebound.notifier.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Records one alert per alert id. */
@Repository
class AlertRepository {

    private final JdbcTemplate jdbc;

    AlertRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the alerts not recorded before; returns their ids. */
    Set<String> insertNew(List<Alert> alerts, Instant now) {
        Set<String> inserted = new HashSet<>();
        for (Alert a : alerts) {
            inserted.addAll(jdbc.queryForList("insert into alerts (escalation_id, event_id, fingerprint, severity, reason, "
                            + "service, environment, title, summary, occurrences, received_at, escalation) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) "
                            + "on conflict (escalation_id) do nothing returning escalation_id", String.class,
                    a.id(), a.eventId(), a.fingerprint(), a.severity().wireName(), a.reason(), a.service(),
                    a.environment(), a.title(), a.summary(), a.occurrences(), Timestamp.from(now), a.source()));
        }
        return inserted;
    }
}
