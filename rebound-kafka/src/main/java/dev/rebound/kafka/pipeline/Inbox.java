package dev.rebound.kafka.pipeline;

import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.jdbc.MultiRowInsert;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remembers the events a service has processed (by CloudEvents source and id), so that a redelivered event
 * has no second effect. Claiming happens in the same transaction as the effects.
 */
final class Inbox {

    private static final MultiRowInsert CLAIM = new MultiRowInsert(
            "insert into processed_events (source, event_id, topic) values ", "(?, ?, ?)",
            " on conflict do nothing returning source, event_id", 512);

    private final JdbcTemplate jdbc;

    Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The events not processed before, in their order; duplicates (earlier or in this batch) are dropped. */
    <T extends IncomingEvent<?>> List<T> claim(List<T> events) {
        Set<String> claimed = new HashSet<>(CLAIM.insert(jdbc, events, (ps, event, at) -> {
            ps.setString(at + 1, event.source());
            ps.setString(at + 2, event.id());
            ps.setString(at + 3, event.topic());
        }, (rs, n) -> rs.getString(1) + '\n' + rs.getString(2)));
        List<T> fresh = new ArrayList<>(claimed.size());
        for (T event : events) {
            // remove, so that a second copy in the same batch is a duplicate too
            if (claimed.remove(event.source() + '\n' + event.id())) {
                fresh.add(event);
            }
        }
        return fresh;
    }
}
