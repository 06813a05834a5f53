package dev.rebound.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rebound.contracts.error.Action;
import dev.rebound.contracts.error.Category;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the classifier reads failures: a few behaviours that matter beyond the labelled examples. */
class ClassifierTest {

    private final Classifier classifier = new Classifier(RuleLoader.defaults());

    @Test
    void aNetworkBlipIsTransientWithItsTargetAndACompileErrorIsNot() {
        Verdict blip = classifier.classify(Failure.ofText(
                "Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io on 10.0.0.2:53: no such host"));
        assertThat(blip.category()).isEqualTo(Category.NETWORK);
        assertThat(blip.transientFailure()).isTrue();
        assertThat(blip.action()).isEqualTo(Action.RETRY);
        assertThat(blip.target()).isEqualTo("registry-1.docker.io");

        Verdict code = classifier.classify(Failure.ofText(
                "[ERROR] /work/src/main/java/acme/Cart.java:[42,17] cannot find symbol"));
        assertThat(code.category()).isEqualTo(Category.COMPILATION);
        assertThat(code.transientFailure()).isFalse();
        assertThat(code.evidence()).first().asString().contains("cannot find symbol");
    }

    @Test
    void lookalikesOfTransientFailuresAreNotRetried() {
        // each names something a blip could also name, but here the cause is in the code or the setup
        for (String log : java.util.List.of(
                "./client.go:14:9: undefined: DefaultRequestTimeout",
                "fatal: [web1]: UNREACHABLE! => {\"changed\": false, \"msg\": \"Failed to connect to the host via ssh: "
                        + "deploy@10.0.0.5: Permission denied (publickey).\", \"unreachable\": true}",
                "rsync error: unexplained error (code 255) at io.c(228) [sender=3.2.7]",
                "nginx.service: Main process exited, code=exited, status=1/FAILURE",
                "mount: /mnt/share: wrong fs type, bad option, bad superblock on //srv/share, missing codepage or helper program",
                "E: There are problems and -y was used without --force-yes")) {
            assertThat(classifier.classify(Failure.ofText(log)).transientFailure()).as(log).isFalse();
        }
        assertThat(classifier.classify(Failure.ofText("Could not transfer artifact x:y:jar:1.0 from/to clojars "
                + "(https://repo.clojars.org/): Received fatal alert: protocol_version")).transientFailure())
                .as("a TLS version mismatch repeats").isFalse();
        assertThat(classifier.classify(Failure.ofText("fatal: [subnode-2]: UNREACHABLE! => {\"msg\": \"Failed to connect to "
                + "the host via ssh: ssh: connect to host 10.0.0.7 port 22: Connection timed out\"}")).transientFailure())
                .as("an unreachable host that timed out").isTrue();
    }

    @Test
    void wordsAreMatchedAsWordsAndCommandsSayHowTheyEnded() {
        assertThat(classifier.classify(Failure.ofText("Failed to save allocation for DestinationHypervisorTooOld")).category())
                .as("isort inside a word").isNotEqualTo(Category.QUALITY_GATE);
        assertThat(classifier.classify(Failure.ofText("AssertionError: Could not find volumes in expected list")).category())
                .isEqualTo(Category.TEST_FAILURE);
        assertThat(classifier.classify(Failure.ofText("+ timeout -s 9 3600 ./run_tests.sh\nKilled")).category())
                .as("timeout(1) killed it").isEqualTo(Category.TIMEOUT);
    }

    @Test
    void theCauseNearTheEndBeatsEarlierWarnings() {
        Verdict verdict = classifier.classify(Failure.ofText("""
                npm WARN deprecated request@2.88.2: request has been deprecated
                npm WARN deprecated connection refused by mirror, falling back
                > jest
                Tests:       2 failed, 14 passed, 16 total
                  ● Cart › applies the discount
                    expect(received).toBe(expected)
                """));
        assertThat(verdict.category()).isEqualTo(Category.TEST_FAILURE);
    }

    @Test
    void exitCodesAndSignalsDecideWhenTheTextDoesNot() {
        assertThat(classifier.classify(new Failure("", null, 137, null, null, null)).category())
                .isEqualTo(Category.RESOURCE_EXHAUSTION);
        assertThat(classifier.classify(new Failure("", null, null, "SIGKILL", null, null)).category())
                .isEqualTo(Category.RESOURCE_EXHAUSTION);
        assertThat(classifier.classify(new Failure("still running", null, 124, null, null, null)).category())
                .isEqualTo(Category.TIMEOUT);
    }

    @Test
    void aStepNameDecidesOnlyWhenNothingElseDoes() {
        Verdict byStep = classifier.classify(new Failure("Error: Process completed with exit code 1.", "lint", 1, null,
                null, null));
        assertThat(byStep.category()).isEqualTo(Category.QUALITY_GATE);
        assertThat(byStep.confidence()).isLessThan(0.5);

        Verdict byText = classifier.classify(new Failure("curl: (6) Could not resolve host: example.org", "lint", 6,
                null, null, null));
        assertThat(byText.category()).isEqualTo(Category.NETWORK);
    }

    @Test
    void nothingDeterminableIsUnknownWithConfidenceZero() {
        Verdict verdict = classifier.classify(Failure.ofText("Error: Process completed with exit code 1."));

        assertThat(verdict.category()).isEqualTo(Category.UNKNOWN);
        assertThat(verdict.confidence()).isZero();
        assertThat(verdict.ruleId()).isEqualTo(Classifier.NO_RULE);
    }

    @Test
    void evidenceIsRedacted() {
        Verdict verdict = classifier.classify(Failure.ofText(
                "fatal: Authentication failed for 'https://bot:ghp_4xQz9Lm2Vb7Nc1Rt8Yw3Ke6Hp0Ju5Sd2Fa9G@github.com/acme/x.git/'"));

        assertThat(verdict.category()).isEqualTo(Category.AUTHENTICATION);
        assertThat(String.join("\n", verdict.evidence())).doesNotContain("ghp_4xQz").contains("[REDACTED:");
    }

    @Test
    void ansiColoursAndCiMarkersDoNotHideTheCause() {
        Verdict verdict = classifier.classify(Failure.ofText(
                "##[group]Run npm ci\n\u001B[31mnpm ERR!\u001B[0m code E404\n\u001B[31mnpm ERR!\u001B[0m 404 Not Found - GET "
                        + "https://registry.npmjs.org/left-padx\n##[error]Process completed with exit code 1."));

        assertThat(verdict.category()).isEqualTo(Category.DEPENDENCY);
        assertThat(verdict.evidence()).allSatisfy(line -> assertThat(line).doesNotContain("\u001B"));
    }

    @Test
    void aRetryAfterIsRead() {
        Verdict verdict = classifier.classify(new Failure("HTTP/1.1 429 Too Many Requests\nRetry-After: 30", null, null,
                null, null, Instant.parse("2026-11-23T20:00:00Z")));

        assertThat(verdict.category()).isEqualTo(Category.RATE_LIMIT);
        assertThat(verdict.retryAfterMs()).isEqualTo(30_000L);
    }

    @Test
    void aReportedTargetWinsOverAnExtractedOne() {
        Verdict verdict = classifier.classify(new Failure("curl: (7) Failed to connect to mirror.example.org port 443",
                null, 7, null, "artifacts.internal", null));

        assertThat(verdict.target()).isEqualTo("artifacts.internal");
    }

    @Test
    void largeAndPathologicalInputsClassifyInBoundedTime() {
        String huge = "x".repeat(64 * 1024);
        String manyLines = "a\n".repeat(32 * 1024);
        String nested = "(".repeat(30_000) + "error: " + ")".repeat(30_000);
        String nearMisses = "Could not resolve hos\n".repeat(3_000);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            classifier.classify(Failure.ofText(huge));
            classifier.classify(Failure.ofText(manyLines));
            classifier.classify(Failure.ofText(nested));
            classifier.classify(Failure.ofText(nearMisses));
        });
    }
}
