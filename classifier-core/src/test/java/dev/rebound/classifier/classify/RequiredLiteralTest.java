package dev.rebound.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequiredLiteralTest {

    @Test
    void theLongestLiteralRunEveryMatchContains() {
        assertThat(RequiredLiteral.of("(?i)could not resolve host")).isEqualTo("could not resolve host");
        assertThat(RequiredLiteral.of("\\.java:\\[\\d+,\\d+\\] error")).isEqualTo(".java:[");
        assertThat(RequiredLiteral.of("npm (?:ERR!|error) code E404")).isEqualTo(" code e404");
    }

    @Test
    void aLineKnownToHoldTheTriggerIsCheckedOnlyForTheOtherRunsAndOnlyWhenCaseDoesNotMatter() {
        RequiredLiteral.Requirement caseless = RequiredLiteral.analyze("(?i)Error[^0-9]{0,20}\\b50[24]\\b");
        assertThat(caseless.runs()).containsExactly("error", "50");
        assertThat(caseless.runsBesides("error")).containsExactly("50");
        assertThat(caseless.admits("Error: 404", "error: 404", caseless.runsBesides("error"))).isFalse();
        assertThat(caseless.admits("Error: 502", "error: 502", caseless.runsBesides("error"))).isTrue();
        RequiredLiteral.Requirement exact = RequiredLiteral.analyze("Error[^0-9]{0,20}50[24]");
        assertThat(exact.runsBesides("error")).as("a lower-cased hit says nothing of the case the run needs")
                .containsExactly("Error", "50");
    }

    @Test
    void optionalAndRepeatedCharactersEndARun() {
        assertThat(RequiredLiteral.of("colou?r mismatch")).isEqualTo("r mismatch");
        assertThat(RequiredLiteral.of("ab+cdefg")).isEqualTo("cdefg");
        assertThat(RequiredLiteral.of("timed? ?out waiting")).isEqualTo("out waiting");
    }

    @Test
    void alternationAtTheTopMeansNoLiteral() {
        assertThat(RequiredLiteral.of("connection refused|ECONNREFUSED")).isNull();
        assertThat(RequiredLiteral.of("\\d+:\\d+")).isNull();
    }

    @Test
    void everyRunAnchorAndCaseIsKnown() {
        RequiredLiteral.Requirement tests = RequiredLiteral.analyze("(?i)Tests run: \\d+, Failures: [1-9]");
        assertThat(tests.literal()).isEqualTo(", failures: ");
        assertThat(tests.runs()).containsExactly("tests run: ", ", failures: ");
        assertThat(tests.caseSensitive()).isFalse();

        RequiredLiteral.Requirement fail = RequiredLiteral.analyze("^FAIL$");
        assertThat(fail.caseSensitive()).isTrue();
        assertThat(fail.prefix()).isEqualTo("FAIL");
        assertThat(fail.suffix()).isEqualTo("FAIL");
        assertThat(fail.admits("FAIL", "fail")).isTrue();
        assertThat(fail.admits("Failures: 0", "failures: 0")).isFalse();
        assertThat(fail.admits("--- FAIL", "--- fail")).isFalse();

        RequiredLiteral.Requirement anchored = RequiredLiteral.analyze("(?i)^error: (?:could not|cannot) find");
        assertThat(anchored.prefix()).isEqualTo("error: ");
        assertThat(anchored.admits("ERROR: cannot find x", "error: cannot find x")).isTrue();
        assertThat(anchored.admits("[x] error: cannot find", "[x] error: cannot find")).isFalse();
    }

    @Test
    void aSmallClassAfterARunNarrowsThePrefiltersLiterals() {
        RequiredLiteral.Requirement failures = RequiredLiteral.analyze("(?i)Tests run: \\d+, Failures: [1-9]");
        assertThat(failures.triggers()).hasSize(9).first().isEqualTo(", failures: 1");
        assertThat(failures.triggers()).doesNotContain(", failures: 0");
        RequiredLiteral.Requirement errors = RequiredLiteral.analyze("(?i)Tests run: \\d+, Failures: \\d+, Errors: [1-9]");
        assertThat(errors.triggers()).as("\\d narrows nothing: the run before [1-9] is chosen")
                .contains(", errors: 1", ", errors: 9").hasSize(9);
        assertThat(RequiredLiteral.analyze("(?i)HTTP error 40[13]").triggers())
                .containsExactly("http error 401", "http error 403");
        // a class that is large, negated, escaped or optional, or a short run, leaves the longest run alone
        assertThat(RequiredLiteral.analyze("Failures: [0-9]").triggers()).containsExactly("failures: ");
        assertThat(RequiredLiteral.analyze("Failures: [^0]").triggers()).containsExactly("failures: ");
        assertThat(RequiredLiteral.analyze("Failures: [\\d]").triggers()).containsExactly("failures: ");
        assertThat(RequiredLiteral.analyze("Failures: [1-9]?x").triggers()).containsExactly("failures: ");
        assertThat(RequiredLiteral.analyze("\\.py:\\d+: [EWF]\\d").triggers()).containsExactly(".py:");
        assertThat(RequiredLiteral.analyze("ab+[1-9]").triggers()).as("no run right before the class").isEmpty();
    }

    /** Every line an expression matches holds one of its requirement's prefilter literals. */
    private static void assertTriggered(RequiredLiteral.Requirement requirement, String line) {
        if (!requirement.triggers().isEmpty()) {
            assertThat(RequiredLiteral.containsAny(line.toLowerCase(java.util.Locale.ROOT), requirement.triggers()))
                    .as("%s on %s", requirement.triggers(), line).isTrue();
        }
    }

    @Test
    void aQuantifiedOrGroupedEndIsNoSuffix() {
        assertThat(RequiredLiteral.analyze("FAIL+$").suffix()).isNull();
        assertThat(RequiredLiteral.analyze("FAIL(?:ED)?$").suffix()).isNull();
        assertThat(RequiredLiteral.analyze("\\s{2,}FAIL$").suffix()).isEqualTo("FAIL");
        assertThat(RequiredLiteral.analyze("a^b").prefix()).isNull();
    }

    @Test
    void whatADerivedRequirementRejectsTheExpressionCannotMatch() {
        // the requirement is a necessary condition: on lines it rejects, the expression never matches
        java.util.List<String> regexes = java.util.List.of("(?i)Tests run: \\d+, Failures: [1-9]", "^FAIL$",
                "(?i)^FAIL\\s+[\\w/.\\-]+\\.(?:js|ts)", "\\s{2,}ERROR$", "(?i)error[^0-9\\n]{0,20}\\b40[13]\\b",
                "(?i)Ran \\d+ tests? in [\\d.]+s", "colou?r mismatch", "ab+cdefg");
        java.util.List<String> lines = java.util.List.of("Tests run: 3, Failures: 1", "FAIL", "fail", "FAIL src/a.js",
                "fail src/a.ts (3 s)", "x  ERROR", "Error: 401 Unauthorized", "ERROR 403", "Ran 12 tests in 0.3s",
                "color mismatch", "abbbcdefg", "acdefg", "Tests run: 3, Failures: 0");
        for (String regex : regexes) {
            com.google.re2j.Pattern pattern = com.google.re2j.Pattern.compile(regex);
            RequiredLiteral.Requirement requirement = RequiredLiteral.analyze(regex);
            for (String line : lines) {
                if (pattern.matcher(line).find()) {
                    assertThat(requirement.admits(line, line.toLowerCase(java.util.Locale.ROOT)))
                            .as("%s on %s", regex, line).isTrue();
                    assertTriggered(requirement, line);
                }
            }
        }
    }

    @Test
    void aGroupOfAlternativesRequiresOneOfThem() {
        RequiredLiteral.Requirement attach = RequiredLiteral.analyze(
                "(?i)\\bfail(?:ed|ure) (?:attach|detach)(?:ing)? (?:the )?(?:volume|disk)\\b");
        assertThat(attach.anyOf()).containsExactly(List.of("ed", "ure"), List.of("attach", "detach"),
                List.of("volume", "disk"));
        assertThat(attach.admits("Failed to attach volume", "failed to attach volume")).isTrue();
        assertThat(attach.admits("Failed to start unit", "failed to start unit"))
                .as("no attach or detach: the expression need not run").isFalse();
        // an optional group, one with an alternative without a run, or one with flags requires nothing
        assertThat(RequiredLiteral.analyze("a(?:bc|de)?f").anyOf()).isEmpty();
        assertThat(RequiredLiteral.analyze("a(?:bc|\\d+)f").anyOf()).isEmpty();
        assertThat(RequiredLiteral.analyze("a(?i:bc|de)f").anyOf()).isEmpty();
        assertThat(RequiredLiteral.analyze("x(bc|de)+y").anyOf()).containsExactly(List.of("bc", "de"));
        assertThat(RequiredLiteral.analyze("x(?:b[c]d|ef)y").anyOf()).as("an alternative of single characters").isEmpty();
    }

    @Test
    void escapesQuotesAndClassesAreReadAsTheEngineReadsThem() {
        // an operator's rule file may use any RE2 syntax: a requirement read wrong would skip a line that matches
        List<String> regexes = List.of("\\x41bc", "\\x{41}bc", "\\pLbc", "\\p{Lu}bc", "\\101bc", "\\Q(a|b)\\E",
                "x(?:[]|]yy|zz)w", "x(?:[^]|]yy|zz)w", "(?:ab\\x7Cc|de)f");
        List<String> lines = List.of("Abc", "zbc", "(a|b)", "x]yyw", "x|yyw", "xzzw", "xqyyw", "ab|cf", "def");
        int matched = 0;
        for (String regex : regexes) {
            com.google.re2j.Pattern pattern = com.google.re2j.Pattern.compile(regex);
            RequiredLiteral.Requirement requirement = RequiredLiteral.analyze(regex);
            for (String line : lines) {
                if (pattern.matcher(line).find()) {
                    matched++;
                    assertThat(requirement.admits(line, line.toLowerCase(java.util.Locale.ROOT)))
                            .as("%s on %s (%s)", regex, line, requirement).isTrue();
                }
            }
        }
        assertThat(matched).isGreaterThan(10);
    }

    @Test
    void noShippedPatternIsSkippedOnALineItMatches() throws java.io.IOException {
        // every line of the labelled examples, and lines made of each pattern's alternatives: where the expression
        // matches, its requirement (runs, prefix, suffix, groups of alternatives) must let it run
        List<String> corpus = new java.util.ArrayList<>();
        for (String json : java.nio.file.Files.readAllLines(java.nio.file.Path.of("src/test/resources/labelled/examples.jsonl"))) {
            corpus.addAll(List.of(json.split("\\\\n")));
        }
        int checked = 0;
        for (Rule rule : RuleLoader.defaults().rules()) {
            for (LinePattern pattern : rule.patterns()) {
                RequiredLiteral.Requirement requirement = pattern.requirement();
                java.util.regex.Pattern regex = java.util.regex.Pattern.compile(pattern.source());
                for (String line : corpus) {
                    if (regex.matcher(line).find()) {
                        checked++;
                        assertThat(requirement.admits(line, line.toLowerCase(java.util.Locale.ROOT)))
                                .as("%s (%s) on '%s'", pattern.source(), rule.id(), line).isTrue();
                        assertTriggered(requirement, line);
                    }
                }
            }
        }
        assertThat(checked).as("pattern matches checked").isGreaterThan(300);
    }
}
