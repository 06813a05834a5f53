package dev.rebound.kafka.pipeline;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells a database error caused by one event's data (a value PostgreSQL cannot store, a key too long to
 * index) from an outage or a bug: SQLSTATE classes 22 (data exception), 23 (integrity constraint violation)
 * and 54 (program limit exceeded). Only those set a single event aside; anything else retries.
 */
final class DataErrors {

    private DataErrors() {
    }

    /** The SQLSTATE of a data error in the cause chain, if there is one. */
    static Optional<String> sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("22") || state.startsWith("23") || state.startsWith("54")) {
                    return Optional.of(state);
                }
                return Optional.empty();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The first line of the database's message, without the row it quotes. */
    static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String message = sql.getMessage() == null ? "" : sql.getMessage().lines().findFirst().orElse("");
                return "SQLSTATE " + sql.getSQLState() + ": " + message;
            }
        }
        return error.getClass().getSimpleName();
    }
}
