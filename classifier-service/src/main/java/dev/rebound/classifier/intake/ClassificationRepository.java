package dev.rebound.classifier.intake;

import dev.rebound.contracts.WireJson;
import dev.rebound.contracts.error.Classification;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Stores classifications, one row per error event; a redelivered event is stored once. */
@Repository
class ClassificationRepository {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ClassificationRepository.class);

    private final JdbcTemplate jdbc;

    ClassificationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A classification with the error event it came from. */
    record Stored(String eventId, Classification classification, String logExcerpt,
                  java.time.Instant occurredAt) {
    }

    void insert(List<Stored> rows) {
        jdbc.batchUpdate("insert into classifications (event_id, operation_id, service, environment, pipeline, step, "
                        + "attempt, category, transient, severity, confidence, action, rule_id, fingerprint, target, "
                        + "evidence, log_excerpt, log_truncated, occurred_at, classified_at, classification) values "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, cast(? as jsonb)) "
                        + "on conflict (event_id) do nothing",
                rows.stream().map(ClassificationRepository::values).toList());
    }

    /** The stored classifications of these events (by {@code IncomingEvent.identity()}); absent ones are left out. */
    Map<String, Classification> find(List<String> eventIds) {
        Map<String, Classification> found = new HashMap<>();
        jdbc.query("select event_id, classification from classifications where event_id = any(?)", rs -> {
            try {
                found.put(rs.getString(1), WireJson.read(rs.getBytes(2), Classification.class));
            } catch (IOException e) {
                // retrying would stall the partition for good: what this event derived went out when it was
                // classified, unless a crash came between; say so and go on
                log.error("the stored classification of {} cannot be read, so it is not published again: {}",
                        rs.getString(1), e.getMessage());
            }
        }, (Object) eventIds.toArray(String[]::new));
        return found;
    }

    private static Object[] values(Stored row) {
        Classification c = row.classification();
        return new Object[] {row.eventId(), c.operationId(), c.service(), c.environment(), c.pipeline(), c.step(),
                c.attempt(), c.category().wireName(), c.transientFailure(), c.severity().wireName(), c.confidence(),
                c.action().wireName(), c.ruleId(), c.fingerprint(), c.target(),
                WireJson.writeString(c.evidence() == null ? List.of() : c.evidence()), row.logExcerpt(),
                Boolean.TRUE.equals(c.logTruncated()), Timestamp.from(row.occurredAt()),
                Timestamp.from(c.classifiedAt()), WireJson.writeString(c)};
    }
}
