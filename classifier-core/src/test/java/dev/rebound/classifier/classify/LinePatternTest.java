package dev.rebound.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A finite pattern found by its strings decides exactly as the regular expression would; a budget bounds the rest. */
class LinePatternTest {

    @Test
    void aSmallFiniteLanguageIsExpandedIntoItsStrings() {
        LinePattern pattern = LinePattern.compile("(?i)No (?:matching|such) (?:package|module)s?");

        assertThat(pattern.expansions()).containsExactlyInAnyOrder("no matching package", "no matching packages",
                "no matching module", "no matching modules", "no such package", "no such packages", "no such module",
                "no such modules");
    }

    @Test
    void classesRepetitionAndOtherEscapesAreNotFinite() {
        assertThat(LinePattern.compile("error \\d+").expansions()).isNull();
        assertThat(LinePattern.compile("(?i)time[sd] out").expansions()).isNull();
        assertThat(LinePattern.compile("a+bc").expansions()).isNull();
        assertThat(LinePattern.compile("x.y.z").expansions()).isNull();
        assertThat(LinePattern.compile("(?i)(?:a|b|c|d)(?:a|b|c|d)(?:a|b|c|d)(?:a|b|c|d)").expansions())
                .as("256 strings is too many").isNull();
    }

    @Test
    void everyShippedFinitePatternAgreesWithItsRegularExpression() {
        RuleSet rules = RuleLoader.defaults();
        int checked = 0;
        for (Rule rule : rules.rules()) {
            for (LinePattern pattern : rule.patterns()) {
                if (pattern.expansions() == null) {
                    continue;
                }
                java.util.regex.Pattern regex = java.util.regex.Pattern.compile(pattern.source());
                for (String line : probes(pattern.expansions())) {
                    assertThat(findByStrings(pattern, line)).as("%s on '%s'", pattern.source(), line)
                            .isEqualTo(regex.matcher(line).find());
                    checked++;
                }
            }
        }
        assertThat(checked).as("the shipped rules have finite patterns").isGreaterThan(500);
    }

    @Test
    void aPatternTriedOnlyWhereItsLeadingRunOccursDecidesAsAFullSearch() throws java.io.IOException {
        List<String> corpus = new ArrayList<>();
        for (String json : java.nio.file.Files.readAllLines(java.nio.file.Path.of("src/test/resources/labelled/examples.jsonl"))) {
            corpus.addAll(List.of(json.split("\\\\n")));
        }
        int patterns = 0;
        int agreedOnMatches = 0;
        for (Rule rule : RuleLoader.defaults().rules()) {
            for (LinePattern pattern : rule.patterns()) {
                String lead = pattern.requirement().lead();
                if (pattern.expansions() != null || lead == null) {
                    continue;
                }
                patterns++;
                java.util.regex.Pattern regex = java.util.regex.Pattern.compile(pattern.source());
                List<String> lines = new ArrayList<>(corpus);
                for (String around : List.of("", "x", "1 ", "ERROR: ")) {
                    lines.add(around + lead + " 503 Error: 12 failed x.java:1)");
                    lines.add(around + lead.toUpperCase(Locale.ROOT) + lead + "1: " + lead);
                }
                for (String line : lines) {
                    boolean expected = regex.matcher(line).find();
                    assertThat(pattern.find(line, line.toLowerCase(Locale.ROOT), new Budget(Budget.PER_CLASSIFICATION)))
                            .as("%s on '%s'", pattern.source(), line).isEqualTo(expected);
                    agreedOnMatches += expected ? 1 : 0;
                }
            }
        }
        assertThat(patterns).as("shipped patterns with a leading run").isGreaterThan(100);
        assertThat(agreedOnMatches).as("lines they match").isGreaterThan(100);
    }

    @Test
    void aBacktrackingPatternGivesUpWithinItsBudget() {
        LinePattern evil = LinePattern.compile("^(a+)+$");
        Budget budget = new Budget(1_000_000);

        long started = System.nanoTime();
        boolean found = evil.find("a".repeat(1_900) + "!", budget);

        assertThat(found).isFalse();
        assertThat(budget.exceeded()).isEqualTo(1);
        assertThat(System.nanoTime() - started).as("nanoseconds").isLessThan(2_000_000_000L);
    }

    @Test
    void anExhaustedBudgetRunsNothingMore() {
        Budget budget = new Budget(10);
        LinePattern pattern = LinePattern.compile("b\\d");

        assertThat(pattern.find("aaaaaaaaaaaaaaaaaaaaaaab1", budget)).isFalse();
        assertThat(budget.exhausted()).isTrue();
        assertThat(pattern.find("b1", budget)).isFalse();
    }

    @Test
    void whatJavaWouldReadDifferentlyIsRefused() {
        assertThatThrownBy(() -> LinePattern.compile("[[:alpha:]]+ failed")).hasMessageContaining("POSIX");
        assertThatThrownBy(() -> LinePattern.compile("(?P<n>x) failed")).hasMessageContaining("named groups");
        assertThatThrownBy(() -> LinePattern.compile("(?U)a+ failed")).hasMessageContaining("ungreedy");
    }

    /** Lines around each string: alone, inside words, between spaces, upper-cased, at the ends, twice. */
    private static List<String> probes(List<String> expansions) {
        List<String> lines = new ArrayList<>();
        for (String s : expansions) {
            lines.add(s);
            lines.add(s.toUpperCase(Locale.ROOT));
            lines.add("x" + s);
            lines.add(s + "x");
            lines.add("xx " + s + " yy");
            lines.add("(" + s + ")");
            lines.add("_" + s + "_");
            lines.add("1" + s + "2");
            lines.add(s + " and " + s);
            lines.add(s.length() > 1 ? s.substring(1) : "");
        }
        return lines;
    }

    /** What the rule set does: find each string case-insensitively, then check case, anchors and boundaries. */
    private static boolean findByStrings(LinePattern pattern, String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (int e = 0; e < pattern.expansions().size(); e++) {
            String s = pattern.expansions().get(e).toLowerCase(Locale.ROOT);
            for (int at = lower.indexOf(s); at >= 0; at = lower.indexOf(s, at + 1)) {
                if (pattern.matchesAt(line, at, e)) {
                    return true;
                }
            }
        }
        return false;
    }
}
