package dev.rebound.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogExcerptTest {

    @Test
    void aShortLogIsKeptWhole() {
        assertThat(LogExcerpt.of("short")).isEqualTo(new LogExcerpt("short", false));
        assertThat(LogExcerpt.of(null)).isEqualTo(new LogExcerpt(null, false));
    }

    @Test
    void aLongLogKeepsItsLastBytesOnACharacterBoundary() {
        String log = "é".repeat(40_000) + "the cause";

        LogExcerpt excerpt = LogExcerpt.of(log);

        assertThat(excerpt.truncated()).isTrue();
        assertThat(excerpt.text()).endsWith("the cause");
        assertThat(excerpt.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(LogExcerpt.MAX_BYTES);
        assertThat(excerpt.text()).doesNotContain("\uFFFD");
    }
}
