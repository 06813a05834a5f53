package dev.rebound.kafka.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiRowInsertTest {

    private final MultiRowInsert insert = new MultiRowInsert("insert into t (a, b) values ", "(?, ?)", "", 512);

    @Test
    void aBatchGoesInStatementsOfPowersOfTwoSoThatFewStatementTextsAreEverPrepared() {
        assertThat(split(203)).containsExactly(128, 64, 8, 2, 1);
        assertThat(split(1)).containsExactly(1);
        assertThat(split(1300)).containsExactly(512, 512, 256, 16, 4);
        assertThat(split(512)).containsExactly(512);
    }

    @Test
    void theLargestStatementMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new MultiRowInsert("insert into t (a) values ", "(?)", "", 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000");
    }

    private List<Integer> split(int size) {
        List<Integer> statements = new ArrayList<>();
        for (int left = size; left > 0; ) {
            int rows = insert.statementRows(left);
            statements.add(rows);
            left -= rows;
        }
        return statements;
    }
}
