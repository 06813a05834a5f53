package dev.rebound.retry.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Stores what was decided for each retry request. */
@Repository
class RetryRepository {

    private final JdbcTemplate jdbc;

    RetryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A decision: a scheduled attempt, or exhaustion (no next attempt). */
    record Decision(String requestEventId, String operationId, String service, String environment,
                    int failedAttempt, Integer nextAttempt, String category, String target, String fingerprint,
                    Long delayMs, Instant scheduledFor, String outcome, Instant decidedAt) {
    }

    void insert(List<Decision> decisions) {
        jdbc.batchUpdate("insert into retries (request_event_id, operation_id, service, environment, failed_attempt, "
                        + "next_attempt, category, target, fingerprint, delay_ms, scheduled_for, outcome, decided_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (request_event_id) do nothing",
                decisions.stream().map(d -> new Object[] {d.requestEventId(), d.operationId(), d.service(),
                        d.environment(), d.failedAttempt(), d.nextAttempt(), d.category(), d.target(),
                        d.fingerprint(), d.delayMs(), d.scheduledFor() == null ? null : Timestamp.from(d.scheduledFor()),
                        d.outcome(), Timestamp.from(d.decidedAt())}).toList());
    }
}
