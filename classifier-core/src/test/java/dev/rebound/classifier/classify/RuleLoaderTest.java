package dev.rebound.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebound.contracts.error.Category;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules are data: the shipped set loads, a user's file extends and overrides it, and errors name the key. */
class RuleLoaderTest {

    @TempDir
    Path dir;

    @Test
    void theShippedRulesLoadWithGuidanceForEveryCategory() {
        RuleSet rules = RuleLoader.defaults();

        assertThat(rules.rules()).hasSizeGreaterThan(80);
        for (Category category : Category.values()) {
            assertThat(rules.guidance(category)).as("guidance of %s", category).isPresent();
        }
    }

    @Test
    void everyShippedPatternHasALiteralForThePrefilter() {
        // a pattern without one runs on every line of every log: fine for a user's rule, not for ours
        assertThat(RuleLoader.defaults().unfilteredPatterns()).isEmpty();
    }

    @Test
    void aUserRuleIsAddedAheadOfTheShippedOnes() throws Exception {
        Path file = write("""
                rules:
                  - id: acme.flaky-license-server
                    category: infrastructure
                    patterns: ['License server .* not responding']
                """);
        Classifier classifier = new Classifier(RuleLoader.load(file));

        Verdict verdict = classifier.classify(Failure.ofText("ERROR: License server lic01 not responding"));

        assertThat(verdict.ruleId()).isEqualTo("acme.flaky-license-server");
        assertThat(verdict.category()).isEqualTo(Category.INFRASTRUCTURE);
        assertThat(verdict.transientFailure()).as("from the category's guidance").isTrue();
    }

    @Test
    void aUserRuleWithAShippedIdReplacesItAndDisableRemovesOne() throws Exception {
        Path file = write("""
                rules:
                  - id: network.dns
                    category: network
                    transient: false
                    patterns: ['(?i)could not resolve host']
                disable: [docker.pull-rate-limit]
                """);
        RuleSet rules = RuleLoader.load(file);

        assertThat(rules.rules()).extracting(Rule::id).doesNotContain("docker.pull-rate-limit");
        assertThat(new Classifier(rules).classify(Failure.ofText("curl: (6) Could not resolve host: example.org"))
                .transientFailure()).isFalse();
    }

    @Test
    void aRuleWrittenForAssertionLinesKeepsItsWeightThere() throws Exception {
        String log = "AssertionError: license server lic01 not responding\nFAILED tests/test_lic.py::test_checkout";
        String rule = """
                rules:
                  - id: acme.flaky-license-server
                    category: infrastructure
                    patterns: ['license server .* not responding']
                    weight: 1.5
                """;
        Path quoted = write(rule);
        assertThat(new Classifier(RuleLoader.load(quoted)).classify(Failure.ofText(log)).category())
                .as("by default a transient rule's hit on an assertion line is a value compared")
                .isEqualTo(Category.TEST_FAILURE);

        Path meant = write(rule + "    in-assertions: true\n");
        RuleSet rules = RuleLoader.load(meant);
        assertThat(rules.rules().get(0).inAssertions()).isTrue();
        assertThat(new Classifier(rules).classify(Failure.ofText(log)).ruleId()).isEqualTo("acme.flaky-license-server");
        assertRefused("rules:\n  - id: x.y\n    category: network\n    patterns: ['a']\n    in-assertions: often\n",
                "rule 'x.y'", "'in-assertions'");
    }

    @Test
    void errorsNameTheFileTheRuleAndTheKey() throws Exception {
        assertRefused("rules:\n  - id: x.y\n    category: cosmic\n    patterns: ['a']\n", "rule 'x.y'", "'category'", "cosmic");
        assertRefused("rules:\n  - id: x.y\n    category: network\n    pattern: ['a']\n", "rule 'x.y'", "'pattern'", "unknown key");
        assertRefused("rules:\n  - id: x.y\n    category: network\n    patterns: ['(unclosed']\n", "rule 'x.y'", "patterns[0]", "RE2");
        assertRefused("rules:\n  - id: x.y\n    category: network\n", "rule 'x.y'", "'patterns'");
        assertRefused("rules:\n  - id: x.y\n    category: network\n    patterns: ['a']\n    weight: 9\n", "rule 'x.y'", "'weight'");
        assertRefused("rules:\n  - id: x.y\n    category: network\n    patterns: ['a']\n  - id: x.y\n    category: network\n"
                + "    patterns: ['b']\n", "rule 'x.y'", "duplicate");
        assertRefused("rules:\n  - id: Bad Id\n    category: network\n", "rules[0]", "'id'");
        assertRefused("rules: [\n", "not valid YAML");
        assertRefused("disable: [no.such.rule]\n", "'disable'", "no.such.rule");
    }

    @Test
    void aLinearEngineMeansNoBacktrackingPatternCanHangIt() throws Exception {
        // catastrophic for a backtracking engine; linear on RE2/J
        Path file = write("rules:\n  - id: user.evil\n    category: unknown\n    patterns: ['^(a+)+$']\n");
        Classifier classifier = new Classifier(RuleLoader.load(file));
        String input = "a".repeat(30_000) + "!";

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> classifier.classify(Failure.ofText(input)));
    }

    private void assertRefused(String yaml, String... mentions) throws Exception {
        Path file = write(yaml);
        assertThatThrownBy(() -> RuleLoader.load(file))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining(file.toString())
                .satisfies(e -> {
                    for (String mention : mentions) {
                        assertThat(e.getMessage()).contains(mention);
                    }
                });
    }

    private Path write(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "rules", ".yml");
        Files.writeString(file, yaml);
        return file;
    }
}
