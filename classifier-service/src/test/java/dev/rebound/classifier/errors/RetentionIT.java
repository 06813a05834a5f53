package dev.rebound.classifier.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebound.testsupport.ReboundServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Classifications older than the retention go; younger ones stay. */
@ReboundServiceTest
class RetentionIT {

    @Autowired
    RetentionJob retention;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void classificationsOlderThanTheRetentionAreDeleted() {
        insert("retention-old", "now() - interval '91 days'");
        insert("retention-young", "now() - interval '89 days'");

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForObject("select count(*) from classifications where event_id = 'retention-old'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from classifications where event_id = 'retention-young'",
                Integer.class)).isOne();
    }

    private void insert(String eventId, String classifiedAt) {
        jdbc.update("insert into classifications (event_id, operation_id, service, environment, attempt, category, "
                + "transient, severity, confidence, action, rule_id, fingerprint, log_truncated, occurred_at, "
                + "classified_at, classification) values (?, 'op', 's', 'e', 1, 'unknown', false, 'medium', 0, "
                + "'investigate', 'unknown', '0000000000000000', false, " + classifiedAt + ", " + classifiedAt
                + ", '{}') on conflict do nothing", eventId);
    }
}
