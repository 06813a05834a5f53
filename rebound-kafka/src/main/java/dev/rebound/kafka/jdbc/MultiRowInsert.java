package dev.rebound.kafka.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Inserts many rows in few statements: a batch goes in statements of {@code maxRows}, then 2^k, … 1 rows (its size
 * in binary), so that the driver prepares these few statement texts once per connection. A statement for every
 * batch size would be parsed and planned anew each time (measured on the classifier's insert: a third more of
 * PostgreSQL's CPU per row; docs/classifier.md, ADR 14). The binder must bind every column with its own type,
 * nulls included: a parameter whose type changes makes the driver prepare the statement again.
 */
public final class MultiRowInsert {

    /** Binds one row's values from parameter {@code offset + 1} on. */
    @FunctionalInterface
    public interface RowBinder<T> {
        void bind(PreparedStatement ps, T row, int offset) throws SQLException;
    }

    private final int columns;
    private final int maxRows;
    /** The statement of 2^i rows at index i. */
    private final String[] statements;

    /**
     * @param head    the statement up to its {@code values}, e.g. {@code insert into t (a, b) values }
     * @param row     one row's placeholders, e.g. {@code (?, ?)}; its {@code ?} count is the row's column count
     * @param tail    what follows the rows, e.g. {@code  on conflict do nothing returning a}
     * @param maxRows the most rows in one statement, a power of two
     */
    public MultiRowInsert(String head, String row, String tail, int maxRows) {
        if (Integer.bitCount(maxRows) != 1) {
            throw new IllegalArgumentException("maxRows must be a power of two: " + maxRows);
        }
        this.columns = (int) row.chars().filter(c -> c == '?').count();
        this.maxRows = maxRows;
        this.statements = new String[Integer.numberOfTrailingZeros(maxRows) + 1];
        for (int i = 0; i < statements.length; i++) {
            StringBuilder sql = new StringBuilder(head);
            for (int r = 0; r < 1 << i; r++) {
                sql.append(r == 0 ? row : ", " + row);
            }
            statements[i] = sql.append(tail).toString();
        }
    }

    /** Inserts the rows, in order; returns what the statements' {@code returning} clause gave, mapped. */
    public <T, R> List<R> insert(JdbcTemplate jdbc, List<T> rows, RowBinder<? super T> binder, RowMapper<R> mapper) {
        List<R> returned = new ArrayList<>();
        for (int from = 0; from < rows.size(); ) {
            int count = statementRows(rows.size() - from);
            List<T> statement = rows.subList(from, from + count);
            returned.addAll(jdbc.query(statements[Integer.numberOfTrailingZeros(count)], ps -> {
                for (int i = 0; i < count; i++) {
                    binder.bind(ps, statement.get(i), i * columns);
                }
            }, mapper));
            from += count;
        }
        return returned;
    }

    /** How many of the remaining rows the next statement takes: the largest power of two that fits. */
    int statementRows(int remaining) {
        return Integer.highestOneBit(Math.min(remaining, maxRows));
    }
}
