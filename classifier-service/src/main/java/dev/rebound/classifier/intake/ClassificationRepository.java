package dev.rebound.classifier.intake;

import dev.rebound.contracts.WireJson;
import dev.rebound.contracts.error.Classification;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** A classification (and its JSON, as published) with the error event it came from. */
    record Stored(String eventId, Classification classification, String json, String logExcerpt,
                  java.time.Instant occurredAt) {
    }

    private static final String INSERT = "insert into classifications (event_id, operation_id, service, environment, "
            + "pipeline, step, attempt, category, transient, severity, confidence, action, rule_id, fingerprint, target, "
            + "log_excerpt, log_truncated, occurred_at, classified_at, classification) values ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as json))";
    private static final int COLUMNS = 20;
    /** PostgreSQL takes at most 32,767 parameters in a statement. */
    private static final int MAX_ROWS_PER_STATEMENT = 32_767 / COLUMNS;

    /**
     * Stores the rows whose event is not stored yet, in one statement per (large) batch; returns the event ids it
     * stored. The primary key is the inbox: an event met again, or twice in one batch, is stored once.
     */
    Set<String> insert(List<Stored> rows) {
        Set<String> stored = new HashSet<>();
        for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_STATEMENT) {
            List<Stored> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(INSERT.length() + chunk.size() * (ROW.length() + 2)).append(INSERT);
            Object[] args = new Object[chunk.size() * COLUMNS];
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? ROW : ", " + ROW);
                values(chunk.get(i), args, i * COLUMNS);
            }
            sql.append(" on conflict (event_id) do nothing returning event_id");
            stored.addAll(jdbc.queryForList(sql.toString(), String.class, args));
        }
        return stored;
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

    private static void values(Stored row, Object[] args, int at) {
        Classification c = row.classification();
        Object[] values = {row.eventId(), c.operationId(), c.service(), c.environment(), c.pipeline(), c.step(),
                c.attempt(), c.category().wireName(), c.transientFailure(), c.severity().wireName(), c.confidence(),
                c.action().wireName(), c.ruleId(), c.fingerprint(), c.target(), row.logExcerpt(),
                Boolean.TRUE.equals(c.logTruncated()), Timestamp.from(row.occurredAt()),
                Timestamp.from(c.classifiedAt()), row.json()};
        System.arraycopy(values, 0, args, at, COLUMNS);
    }
}
