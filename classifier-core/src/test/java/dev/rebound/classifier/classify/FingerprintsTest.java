package dev.rebound.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One failure across a thousand runs is one group; different failures stay apart. */
class FingerprintsTest {

    private final Classifier classifier = new Classifier(RuleLoader.defaults());

    private String fingerprint(String log) {
        return classifier.classify(Failure.ofText(log)).fingerprint();
    }

    @Test
    void volatilePartsDoNotSplitAGroup() {
        String first = """
                2026-11-23T20:26:23.412Z Run 8812 on runner gha-7f3a9c-0001
                [ERROR] /home/runner/work/checkout/checkout/src/main/java/acme/Cart.java:[42,17] cannot find symbol
                [ERROR]   symbol: variable total (took 1.3s)
                """;
        String second = """
                2026-12-01T03:00:59.001Z Run 9921 on runner gha-11b2c3-0042
                [ERROR] /builds/acme/checkout/src/main/java/acme/Cart.java:[57,9] cannot find symbol
                [ERROR]   symbol: variable total (took 12.8s)
                """;

        assertThat(fingerprint(first)).isEqualTo(fingerprint(second));
    }

    @Test
    void idsAddressesPortsAndDurationsDoNotSplitAGroup() {
        String first = "Get \"https://registry-1.docker.io/v2/\": dial tcp 54.236.113.205:443: i/o timeout after 30s "
                + "(request 3f6c1d2e-8a7b-4c5d-9e0f-1a2b3c4d5e6f)";
        String second = "Get \"https://registry-1.docker.io/v2/\": dial tcp 34.205.13.154:443: i/o timeout after 31s "
                + "(request 0b9a8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d)";

        assertThat(fingerprint(first)).isEqualTo(fingerprint(second));
    }

    @Test
    void statusCodesKeepFailuresApart() {
        assertThat(fingerprint("curl: (22) The requested URL returned error: 503"))
                .isNotEqualTo(fingerprint("curl: (22) The requested URL returned error: 502"));
        assertThat(fingerprint("npm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padx"))
                .isNotEqualTo(fingerprint("npm ERR! 404 Not Found - GET https://registry.npmjs.org/right-padx"));
    }

    @Test
    void fileNamesAndTestNamesKeepFailuresApart() {
        assertThat(fingerprint("[ERROR] src/main/java/acme/Cart.java:[42,17] cannot find symbol"))
                .isNotEqualTo(fingerprint("[ERROR] src/main/java/acme/Order.java:[42,17] cannot find symbol"));
        assertThat(fingerprint("--- FAIL: TestCheckoutTotals (0.02s)"))
                .isNotEqualTo(fingerprint("--- FAIL: TestCheckoutDiscounts (0.02s)"));
    }

    @Test
    void theSameTextUnderAnotherRuleIsAnotherGroup() {
        assertThat(Fingerprints.of("rule.a", java.util.List.of("same line")))
                .isNotEqualTo(Fingerprints.of("rule.b", java.util.List.of("same line")));
    }

    @Test
    void normalisationKeepsWhatMatters() {
        assertThat(Fingerprints.normalize("2026-11-23T20:26:23Z ERROR HTTP 503 from 10.0.0.12:8080 in 1500ms exit code 137"))
                .contains("503").contains("137").doesNotContain("10.0.0.12").doesNotContain("1500").doesNotContain("2026");
    }

    @Test
    void theCheapTestsNeverSkipAnExpressionThatWouldHaveMatched() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "2026-11-23T20:26:23.412+01:00 started", "on 2026/11/23 at 9:05:07.5", "id 3F6C1D2E-8A7B-4C5D-9E0F-1A2B3C4D5E6F",
                "sha256:0123456789abcdef0123 and 0xDEADbeef", "dial tcp [2001:db8::1]:443 and fe80:0:0:1:2 and 10.0.0.12:8080",
                "Cart.java:[42,17] at C:\\work\\src\\Cart.java line 12 col 3 Position 9", "/home/runner/work/x/y.py:10:3: E501",
                "took 1500ms, 3 s, 2m30.5s, 4 H; attempt #3 Retries 2 PID 77 thread 9", "Tests run: 12, Failures: 1, WARNINGS 3",
                "12/34 done, 123456 rows", "a  b\tc", "port 8080 PORT 22 :99 x:1 ]:12", "/tmp/a-b/c@d+e/f.tar.gz", "\u0130NE 5",
                "Column\t7 POSITION 3 line5 col:4", "retry#2 RETRIES  #  4 tryx 5 #9 Run: 4 job\u000B5", "tests run:3 Tests Run 4",
                "WARNINGS: 2 failed:\f7 errors 5", "x:80) y:12345, z:123456 a:8080\u2028", "a:12\u0085", "]:443\"",
                "fe80::1 1:2:3 12345:1:2 a:bcdef:1 ab:cd:e", "10:20:30 ab:cd"));
        // and lines made of the characters and words the cheap tests look at, at random (the same ones every run)
        java.util.Random random = new java.util.Random(20261124);
        String[] pieces = {"line", "col", "column", "pos", "attempt", "retry", "retries", "run", "tests", "Failures",
                "ERRORS", "warning", "#", ":", " ", "\t", "\u000B", "]", ")", "/", ",", "1", "12", "123", "12345", "a",
                "f", "e8", "x", "."};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int k = random.nextInt(8) + 1; k > 0; k--) {
                line.append(pieces[random.nextInt(pieces.length)]);
            }
            lines.add(line.toString());
        }
        for (String line : Files.readAllLines(Path.of("src/test/resources/labelled/examples.jsonl"))) {
            for (String part : line.split("\\\\n")) {
                lines.add(part);
            }
        }
        for (String line : lines) {
            assertThat(Fingerprints.normalize(line, true)).as(line).isEqualTo(Fingerprints.normalize(line, false));
        }
    }
}
