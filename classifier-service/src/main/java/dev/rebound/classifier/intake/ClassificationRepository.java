package dev.rebound.classifier.intake;

import dev.rebound.classifier.storage.PackedText;
import dev.rebound.contracts.WireJson;
import dev.rebound.contracts.error.Classification;
import dev.rebound.kafka.jdbc.MultiRowInsert;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
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

    /** At most 128 rows (2,560 parameters) a statement. */
    private static final MultiRowInsert INSERT = new MultiRowInsert("insert into classifications (event_id, "
            + "operation_id, service, environment, pipeline, step, attempt, category, transient, severity, confidence, "
            + "action, rule_id, fingerprint, target, log_excerpt_lz4, log_truncated, occurred_at, classified_at, "
            + "classification) values ",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as json))",
            " on conflict (event_id) do nothing returning event_id", 128);

    /**
     * Stores the rows whose event is not stored yet; returns the event ids it stored. The primary key is the inbox:
     * an event met again, or twice in one batch, is stored once. Runs in the caller's transaction.
     */
    Set<String> insert(List<Stored> rows) {
        // PostgreSQL would plan each execution anew ("custom plans": a generic plan's json cast looks dearer than
        // planning), copying every row's values into the plan: a quarter of its CPU per stored row (perf, the
        // end-to-end benchmark). The statements have nothing to gain from their values' plans; LOCAL ends with the
        // transaction, so the connection's other queries keep the default.
        jdbc.execute("set local plan_cache_mode = force_generic_plan");
        return new HashSet<>(INSERT.insert(jdbc, rows, ClassificationRepository::bind, (rs, n) -> rs.getString(1)));
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

    /**
     * One row's values from parameter {@code at + 1} on, each column always bound with the same type: the driver
     * prepares a statement anew when a parameter's type changes, and a null bound without its type (as
     * {@code JdbcTemplate} binds it) differs from a string, so rows with and without a step or a target made
     * PostgreSQL parse and plan the insert again for most batches.
     */
    private static void bind(PreparedStatement ps, Stored row, int at) throws SQLException {
        Classification c = row.classification();
        ps.setString(at + 1, row.eventId());
        ps.setString(at + 2, c.operationId());
        ps.setString(at + 3, c.service());
        ps.setString(at + 4, c.environment());
        text(ps, at + 5, c.pipeline());
        text(ps, at + 6, c.step());
        ps.setInt(at + 7, c.attempt());
        ps.setString(at + 8, c.category().wireName());
        ps.setBoolean(at + 9, c.transientFailure());
        ps.setString(at + 10, c.severity().wireName());
        ps.setDouble(at + 11, c.confidence());
        ps.setString(at + 12, c.action().wireName());
        ps.setString(at + 13, c.ruleId());
        ps.setString(at + 14, c.fingerprint());
        text(ps, at + 15, c.target());
        byte[] excerpt = PackedText.pack(row.logExcerpt());
        if (excerpt == null) {
            ps.setNull(at + 16, Types.BINARY);
        } else {
            ps.setBytes(at + 16, excerpt);
        }
        ps.setBoolean(at + 17, Boolean.TRUE.equals(c.logTruncated()));
        ps.setTimestamp(at + 18, Timestamp.from(row.occurredAt()));
        ps.setTimestamp(at + 19, Timestamp.from(c.classifiedAt()));
        ps.setString(at + 20, row.json());
    }

    private static void text(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
