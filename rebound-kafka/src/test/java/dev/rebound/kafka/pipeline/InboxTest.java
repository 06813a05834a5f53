package dev.rebound.kafka.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboxTest {

    @Test
    void aBatchGoesInStatementsOfPowersOfTwoSoThatFewStatementTextsAreEverPrepared() {
        assertThat(split(203)).containsExactly(128, 64, 8, 2, 1);
        assertThat(split(1)).containsExactly(1);
        assertThat(split(1300)).containsExactly(512, 512, 256, 16, 4);
        assertThat(split(512)).containsExactly(512);
    }

    private static List<Integer> split(int size) {
        List<Integer> statements = new ArrayList<>();
        for (int left = size; left > 0; ) {
            int rows = Inbox.statementRows(left);
            statements.add(rows);
            left -= rows;
        }
        return statements;
    }
}
