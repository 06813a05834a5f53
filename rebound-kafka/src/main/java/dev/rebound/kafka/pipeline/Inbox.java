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

    /**
     * The most rows in one statement. A batch goes in statements of 512, 256, … 1 rows (its size in binary), so
     * that the driver prepares these few statement texts once per connection; a statement for every batch size
     * would be parsed and planned anew each time (measured on the classifier's insert: a third more of
     * PostgreSQL's CPU per row, docs/classifier.md; ADR 14).
     */
    static final int MAX_ROWS_PER_STATEMENT = 512;

    /** The claim of 2^i rows at index i. */
    private static final String[] STATEMENTS = new String[Integer.numberOfTrailingZeros(MAX_ROWS_PER_STATEMENT) + 1];

    static {
        for (int i = 0; i < STATEMENTS.length; i++) {
            StringBuilder sql = new StringBuilder("insert into processed_events (source, event_id, topic) values ");
            for (int row = 0; row < 1 << i; row++) {
                sql.append(row == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
            }
            STATEMENTS[i] = sql.append(" on conflict do nothing returning source, event_id").toString();
        }
    }

    private final JdbcTemplate jdbc;

    Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The events not processed before, in their order; duplicates (earlier or in this batch) are dropped. */
    <T extends IncomingEvent<?>> List<T> claim(List<T> events) {
        Set<String> claimed = new HashSet<>();
        for (int from = 0; from < events.size(); ) {
            int count = statementRows(events.size() - from);
            List<T> chunk = events.subList(from, from + count);
            claimed.addAll(jdbc.query(STATEMENTS[Integer.numberOfTrailingZeros(count)], ps -> {
                for (int i = 0; i < count; i++) {
                    ps.setString(3 * i + 1, chunk.get(i).source());
                    ps.setString(3 * i + 2, chunk.get(i).id());
                    ps.setString(3 * i + 3, chunk.get(i).topic());
                }
            }, (rs, n) -> rs.getString(1) + '\n' + rs.getString(2)));
            from += count;
        }
        List<T> fresh = new ArrayList<>(claimed.size());
        for (T event : events) {
            // remove, so that a second copy in the same batch is a duplicate too
            if (claimed.remove(event.source() + '\n' + event.id())) {
                fresh.add(event);
            }
        }
        return fresh;
    }

    /** How many of the remaining rows the next statement takes: the largest power of two that fits. */
    static int statementRows(int remaining) {
        return Integer.highestOneBit(Math.min(remaining, MAX_ROWS_PER_STATEMENT));
    }
}
