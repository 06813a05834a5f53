package dev.rebound.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Secrets never survive redaction; ordinary CI text does, unchanged. */
class RedactorTest {

    private final Redactor redactor = new Redactor();

    record Case(String kind, String text, String secret) {
        @Override
        public String toString() {
            return kind + ": " + text.substring(0, Math.min(50, text.length()));
        }
    }

    static List<Case> corpus() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/redaction/corpus.tsv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .map(f -> new Case(f[0], f[1].replace("\\n", "\n"), f[2]))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void theSecretIsReplacedByItsKind(Case c) {
        String redacted = redactor.redact(c.text());

        assertThat(redacted).doesNotContain(c.secret()).contains("[REDACTED:");
    }

    @Test
    void theKindIsNamed() {
        assertThat(redactor.redact("token ghp_4xQz9Lm2Vb7Nc1Rt8Yw3Ke6Hp0Ju5Sd2Fa9G"))
                .isEqualTo("token [REDACTED:github-token]");
        assertThat(redactor.redact("postgres://app:Sup3rS3cret@db:5432/x"))
                .isEqualTo("postgres://app:[REDACTED:url-password]@db:5432/x");
    }

    @Test
    void ordinaryCiTextIsLeftAlone() {
        List<String> harmless = List.of(
                "[ERROR] /home/runner/work/app/src/main/java/acme/Cart.java:[42,17] cannot find symbol",
                "npm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padx",
                "The token has expired; log in again",
                "password authentication failed for user \"app\"",
                "Get \"https://registry-1.docker.io/v2/\": dial tcp 54.236.113.205:443: i/o timeout",
                "Tests run: 12, Failures: 2, Errors: 0, Skipped: 1",
                "--- PASS: TestConnectionRefusedIsReported (0.00s)",
                "    --- PASS: TestQuotes/discount (0.01s)",
                "PASS: t/basic.sh");
        for (String line : harmless) {
            assertThat(redactor.redact(line)).as(line).isEqualTo(line);
        }
    }

    @Test
    void aPasswordUnderAnyKeyThatEndsInPassIsRedactedButNotATestRunnersResult() {
        assertThat(redactor.redact("DB_PASS: hunter2hunter2")).isEqualTo("DB_PASS: [REDACTED:password]");
        assertThat(redactor.redact("pass: hunter2")).isEqualTo("pass: [REDACTED:password]");
        assertThat(redactor.redact("export SMTP_PASS=s3cr3t!")).isEqualTo("export SMTP_PASS=[REDACTED:password]");
        assertThat(redactor.redact("=== RUN   TestLogin\n--- PASS: TestLogin (0.00s)\nPASS: t/a.sh"))
                .isEqualTo("=== RUN   TestLogin\n--- PASS: TestLogin (0.00s)\nPASS: t/a.sh");
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        String once = redactor.redact("curl -H 'Authorization: Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0' https://x");
        assertThat(redactor.redact(once)).isEqualTo(once);
    }
}
