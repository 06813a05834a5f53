package dev.rebound.kafka.pipeline;

import dev.rebound.kafka.cloudevents.IncomingEvent;
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

    private static final int MAX_ROWS_PER_STATEMENT = 1000;

    private final JdbcTemplate jdbc;

    Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The events not processed before, in their order; duplicates (earlier or in this batch) are dropped. */
    <T extends IncomingEvent<?>> List<T> claim(List<T> events) {
        List<T> fresh = new ArrayList<>(events.size());
        for (int from = 0; from < events.size(); from += MAX_ROWS_PER_STATEMENT) {
            List<T> chunk = events.subList(from, Math.min(events.size(), from + MAX_ROWS_PER_STATEMENT));
            fresh.addAll(claimChunk(chunk));
        }
        return fresh;
    }

    private <T extends IncomingEvent<?>> List<T> claimChunk(List<T> events) {
        StringBuilder sql = new StringBuilder("insert into processed_events (source, event_id, topic) values ");
        List<Object> args = new ArrayList<>(events.size() * 3);
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
            args.add(events.get(i).source());
            args.add(events.get(i).id());
            args.add(events.get(i).topic());
        }
        sql.append(" on conflict do nothing returning source, event_id");
        Set<String> claimed = new HashSet<>(jdbc.query(sql.toString(),
                (rs, n) -> rs.getString(1) + '\n' + rs.getString(2), args.toArray()));
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
