package dev.rebound.classifier.overrides;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The operators' marks on failure groups. */
@Repository
public class OverrideStore {

    private static final RowMapper<Override> ROW = (rs, i) -> new Override(rs.getString("fingerprint"),
            rs.getBoolean("transient"), rs.getString("reason"), rs.getString("set_by"),
            rs.getTimestamp("set_at").toInstant());

    private final JdbcTemplate jdbc;

    OverrideStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The marks of these groups, by fingerprint. */
    public Map<String, Override> find(Collection<String> fingerprints) {
        Map<String, Override> found = new HashMap<>();
        if (fingerprints.isEmpty()) {
            return found;
        }
        jdbc.query("select * from fingerprint_overrides where fingerprint = any(?)", ROW,
                        (Object) fingerprints.toArray(String[]::new))
                .forEach(o -> found.put(o.fingerprint(), o));
        return found;
    }

    public Optional<Override> find(String fingerprint) {
        return Optional.ofNullable(find(List.of(fingerprint)).get(fingerprint));
    }

    public List<Override> all() {
        return jdbc.query("select * from fingerprint_overrides order by set_at desc", ROW);
    }

    /** Sets the mark; returns whether it is new. */
    boolean put(Override override) {
        Boolean inserted = jdbc.queryForObject("insert into fingerprint_overrides (fingerprint, transient, reason, set_by, "
                        + "set_at) values (?, ?, ?, ?, ?) on conflict (fingerprint) do update set transient = excluded.transient, "
                        + "reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at returning (xmax = 0)",
                Boolean.class, override.fingerprint(), override.transientFailure(), override.reason(), override.setBy(),
                Timestamp.from(override.setAt()));
        return Boolean.TRUE.equals(inserted);
    }

    boolean delete(String fingerprint) {
        return jdbc.update("delete from fingerprint_overrides where fingerprint = ?", fingerprint) > 0;
    }
}
