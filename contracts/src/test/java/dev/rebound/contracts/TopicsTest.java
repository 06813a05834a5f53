package dev.rebound.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyConsumedTopicHasADeadLetterTopicWithTheSamePartitions() {
        for (String consumed : Topics.CONSUMED) {
            TopicSpec dlt = Topics.named(Topics.deadLetterOf(consumed));
            assertThat(dlt.partitions()).isEqualTo(Topics.named(consumed).partitions());
            assertThat(dlt.isDeadLetter()).isTrue();
        }
    }

    @Test
    void breakerStatesAreCompactedAndEventTopicsAreNot() {
        assertThat(Topics.named(Topics.BREAKER_STATES).config()).containsEntry("cleanup.policy", "compact");
        assertThat(Topics.named(Topics.CLASSIFICATIONS).config())
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", Long.toString(30L * 24 * 3600 * 1000));
    }

    @Test
    void everyEventTypeTravelsOnADeclaredTopic() {
        Arrays.stream(EventType.values()).forEach(t -> assertThat(Topics.named(t.topic())).isNotNull());
    }

    @Test
    void deadLetterConstantsFollowTheNamingRule() {
        assertThat(Topics.ERROR_EVENTS_DLT).isEqualTo("rebound.error-events.dlt");
        assertThat(Topics.ALL).extracting(TopicSpec::name).doesNotHaveDuplicates()
                .contains(Topics.ERROR_EVENTS_DLT, Topics.DEPLOYMENT_EVENTS_DLT, Topics.ROLLBACK_COMMANDS_DLT);
    }
}
