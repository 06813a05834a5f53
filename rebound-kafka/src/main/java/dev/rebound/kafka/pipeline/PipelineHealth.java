package dev.rebound.kafka.pipeline;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each consumer thread's last batch went through, for the readiness probe. Kept per thread, so that
 * with several consumers one's success does not hide another's failure. Errors are reported by kind only
 * (exception classes and SQLSTATE): their messages can quote event data, and readiness is public.
 */
public final class PipelineHealth {

    /** The last outcome of one consumer. */
    public record State(Instant lastSuccess, Instant failingSince, String lastError) {
        public boolean failing() {
            return failingSince != null;
        }
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;

    public PipelineHealth(Clock clock) {
        this.clock = clock;
    }

    void succeeded(String topic) {
        states.put(key(topic), new State(clock.instant(), null, null));
    }

    void failed(String topic, Throwable error) {
        states.compute(key(topic), (name, previous) -> new State(
                previous == null ? null : previous.lastSuccess(),
                previous != null && previous.failing() ? previous.failingSince() : clock.instant(),
                kind(error)));
    }

    public Map<String, State> states() {
        return new TreeMap<>(states);
    }

    private static String key(String topic) {
        return topic + " (" + Thread.currentThread().getName() + ")";
    }

    /** {@code CannotGetJdbcConnectionException ← PSQLException (SQLSTATE 08001)}: what failed, not with what data. */
    static String kind(Throwable error) {
        StringBuilder kind = new StringBuilder();
        int depth = 0;
        for (Throwable t = error; t != null && depth < 4; t = t.getCause(), depth++) {
            if (depth > 0) {
                kind.append(" ← ");
            }
            kind.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                kind.append(" (SQLSTATE ").append(sql.getSQLState()).append(')');
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return kind.toString();
    }
}
