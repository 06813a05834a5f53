package dev.rebound.classifier.errors;

import dev.rebound.classifier.storage.PackedText;
import dev.rebound.contracts.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads stored classifications for people and reports. */
@Repository
class ErrorQueries {

    private final JdbcTemplate jdbc;

    ErrorQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters of {@code GET /errors}; null means any. */
    record Filter(String service, String environment, String category, Boolean transientFailure, String fingerprint,
                  String operationId, Instant since, Instant until) {

        String where(List<Object> args) {
            StringBuilder where = new StringBuilder(" where classified_at >= ? and classified_at < ?");
            args.add(Timestamp.from(since));
            args.add(Timestamp.from(until));
            add(where, args, "service", service);
            add(where, args, "environment", environment);
            add(where, args, "category", category);
            add(where, args, "transient", transientFailure);
            add(where, args, "fingerprint", fingerprint);
            add(where, args, "operation_id", operationId);
            return where.toString();
        }

        private static void add(StringBuilder where, List<Object> args, String column, Object value) {
            if (value != null) {
                where.append(" and ").append(column).append(" = ?");
                args.add(value);
            }
        }
    }

    /** A stored classification (as plain maps and lists: the HTTP layer writes them with its own JSON library). */
    record StoredError(String eventId, Instant occurredAt, Object classification, String logExcerpt) {
    }

    List<StoredError> errors(Filter filter, int limit, boolean withExcerpt) {
        List<Object> args = new ArrayList<>();
        String sql = "select event_id, occurred_at, classification, "
                + (withExcerpt ? "log_excerpt, log_excerpt_lz4" : "null, null")
                + " from classifications" + filter.where(args) + " order by classified_at desc limit ?";
        args.add(limit);
        return jdbc.query(sql, (rs, i) -> new StoredError(rs.getString(1), rs.getTimestamp(2).toInstant(),
                json(rs.getString(3)), excerpt(rs.getString(4), rs.getBytes(5))), args.toArray());
    }

    /** Counts by category, by service and by fingerprint over the filter's window. */
    Map<String, Object> summary(Filter filter, int top) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("since", filter.since());
        summary.put("until", filter.until());
        Map<String, Object> totals = jdbc.queryForMap("select count(*) as total, count(*) filter (where transient) as "
                + "transient, count(*) filter (where category = 'unknown') as unknown from classifications" + where,
                args.toArray());
        summary.putAll(totals);
        summary.put("byCategory", counts("category", where, args, 100));
        summary.put("byService", counts("service || '@' || environment", where, args, top));
        summary.put("byFingerprint", counts("fingerprint", where, args, top));
        return summary;
    }

    /** Fingerprint groups with first and last seen, newest first. */
    List<Map<String, Object>> groups(Filter filter, int limit) {
        List<Object> args = new ArrayList<>();
        String sql = "select fingerprint, count(*) as count, min(occurred_at) as first_seen, max(occurred_at) as last_seen, "
                + "(array_agg(category order by classified_at desc))[1] as category, "
                + "(array_agg(rule_id order by classified_at desc))[1] as rule_id, "
                + "(array_agg(transient order by classified_at desc))[1] as transient, "
                + "(array_agg(classification -> 'evidence' order by classified_at desc))[1] as evidence, "
                + "array_agg(distinct service || '@' || environment) as services "
                + "from classifications" + filter.where(args) + " group by fingerprint order by max(occurred_at) desc limit ?";
        args.add(limit);
        return jdbc.query(sql, (rs, i) -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("fingerprint", rs.getString("fingerprint"));
            group.put("category", rs.getString("category"));
            group.put("ruleId", rs.getString("rule_id"));
            group.put("transient", rs.getBoolean("transient"));
            group.put("count", rs.getLong("count"));
            group.put("firstSeen", rs.getTimestamp("first_seen").toInstant());
            group.put("lastSeen", rs.getTimestamp("last_seen").toInstant());
            group.put("services", List.of((Object[]) rs.getArray("services").getArray()));
            group.put("evidence", json(rs.getString("evidence")));
            return group;
        }, args.toArray());
    }

    /** Deletes classifications older than the cutoff; returns how many. */
    int purgeOlderThan(Instant cutoff) {
        return jdbc.update("delete from classifications where classified_at < ?", Timestamp.from(cutoff));
    }

    private Map<String, Long> counts(String expression, String where, List<Object> args, int top) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select " + expression + " as k, count(*) as n from classifications" + where
                + " group by 1 order by 2 desc, 1 limit " + top, rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, args.toArray());
        return counts;
    }

    /** The excerpt as stored: packed since V5, plain text in rows stored before. */
    private static String excerpt(String plain, byte[] packed) {
        return packed == null ? plain : PackedText.unpack(packed);
    }

    private static Object json(String text) {
        try {
            return text == null ? null : WireJson.mapper().readValue(text, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
